using System;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class MdbListConnectionTests : IClassFixture<EmulatorFixture<MdbListEmulator>>, IDisposable
{
    private readonly EmulatorFixture<MdbListEmulator> _fixture;
    private readonly WiredConnection _wired = new();

    public MdbListConnectionTests(EmulatorFixture<MdbListEmulator> fixture)
    {
        _fixture = fixture;
    }

    public void Dispose() => _wired.Dispose();

    [Theory]
    [InlineData(FaultMode.None, UpstreamOutcome.Success, "MDBList accepted the key")]
    [InlineData(FaultMode.BadKey, UpstreamOutcome.Authentication, "Preferences")]
    [InlineData(FaultMode.RateLimited, UpstreamOutcome.RateLimited, "slow down")]
    [InlineData(FaultMode.QuotaExhausted, UpstreamOutcome.QuotaExhausted, "daily request limit")]
    [InlineData(FaultMode.Outage, UpstreamOutcome.Outage, "try again later")]
    [InlineData(FaultMode.HtmlErrorPage, UpstreamOutcome.Outage, "error page")]
    [InlineData(FaultMode.MalformedBody, UpstreamOutcome.BadResponse, "not valid JSON")]
    public async Task EachWayMdbListAnswersBecomesAnAdminReadableResult(FaultMode mode, UpstreamOutcome outcome, string message)
    {
        _fixture.Arrange(mode);
        _fixture.Emulator.QuotaShape = MdbListQuotaShape.Http429;
        var key = _fixture.Emulator.ValidKey;

        var result = await _wired.TestAsync(IntegrationIds.MdbList, _fixture.Saved(("apiKey", key)));

        ConnectionAssert.Result(result, outcome, message, key);
        ConnectionAssert.Alert(_wired, IntegrationIds.MdbList, outcome, key);
    }

    [Fact]
    public async Task TheLegacyQuotaBodyInsideA200IsStillASpentQuota()
    {
        _fixture.Arrange(FaultMode.QuotaExhausted);
        _fixture.Emulator.QuotaShape = MdbListQuotaShape.Http200Body;

        var result = await _wired.TestAsync(IntegrationIds.MdbList, _fixture.Target(("apiKey", _fixture.Emulator.ValidKey)));

        Assert.Equal(UpstreamOutcome.QuotaExhausted, result.Outcome);
        Assert.EndsWith("00:00 UTC", result.Details["Resets at"], System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkingKeyReportsAccountTierAndUsage()
    {
        _fixture.Arrange(FaultMode.None);

        var result = await _wired.TestAsync(IntegrationIds.MdbList, _fixture.Target(("apiKey", _fixture.Emulator.ValidKey)));

        Assert.True(result.Succeeded);
        Assert.Null(result.Warning);
        Assert.True(result.Details.ContainsKey("Account"));
        Assert.Equal("free", result.Details["Tier"]);
        Assert.EndsWith("/ 1,000", result.Details["Requests today"], System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task NinetyPercentOfTheDailyQuotaUsedIsAWarning()
    {
        _fixture.Arrange(FaultMode.None);
        _fixture.Emulator.DailyQuota = 10;
        try
        {
            var target = _fixture.Target(("apiKey", _fixture.Emulator.ValidKey));
            for (var i = 0; i < 8; i++)
            {
                await _wired.TestAsync(IntegrationIds.MdbList, target);
            }

            var result = await _wired.TestAsync(IntegrationIds.MdbList, target);

            Assert.True(result.Succeeded);
            Assert.Equal("9 / 10", result.Details["Requests today"]);
            Assert.Contains("9 of 10 used", result.Warning, System.StringComparison.Ordinal);
        }
        finally
        {
            _fixture.Emulator.DailyQuota = null;
        }
    }
}
