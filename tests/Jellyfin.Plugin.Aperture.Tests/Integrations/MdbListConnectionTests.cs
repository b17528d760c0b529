using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.MdbList;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class MdbListConnectionTests : IClassFixture<EmulatorFixture<MdbListEmulator>>
{
    private readonly EmulatorFixture<MdbListEmulator> _fixture;
    private readonly MdbListIntegration _mdbList;

    public MdbListConnectionTests(EmulatorFixture<MdbListEmulator> fixture)
    {
        _fixture = fixture;
        _mdbList = new MdbListIntegration(fixture.Pipeline);
    }

    [Theory]
    [InlineData(FaultMode.None, UpstreamOutcome.Success, "MDBList accepted the key")]
    [InlineData(FaultMode.BadKey, UpstreamOutcome.Authentication, "Preferences")]
    [InlineData(FaultMode.RateLimited, UpstreamOutcome.RateLimited, "slow down")]
    [InlineData(FaultMode.QuotaExhausted, UpstreamOutcome.QuotaExhausted, "daily request limit")]
    [InlineData(FaultMode.Outage, UpstreamOutcome.Outage, "try again later")]
    [InlineData(FaultMode.HtmlErrorPage, UpstreamOutcome.Outage, "error page")]
    [InlineData(FaultMode.MalformedBody, UpstreamOutcome.BadResponse, "not JSON")]
    public async Task EachWayMdbListAnswersBecomesAnAdminReadableResult(FaultMode mode, UpstreamOutcome outcome, string message)
    {
        _fixture.Arrange(mode);
        _fixture.Emulator.QuotaShape = MdbListQuotaShape.Http429;
        var key = _fixture.Emulator.ValidKey;

        var result = await EmulatorFixture<MdbListEmulator>.TestAsync(_mdbList, _fixture.Target(("apiKey", key)));

        ConnectionAssert.Result(result, outcome, message, key);
    }

    [Fact]
    public async Task TheLegacyQuotaBodyInsideA200IsStillASpentQuota()
    {
        _fixture.Arrange(FaultMode.QuotaExhausted);
        _fixture.Emulator.QuotaShape = MdbListQuotaShape.Http200Body;

        var result = await EmulatorFixture<MdbListEmulator>.TestAsync(_mdbList, _fixture.Target(("apiKey", _fixture.Emulator.ValidKey)));

        Assert.Equal(UpstreamOutcome.QuotaExhausted, result.Outcome);
        Assert.EndsWith("00:00 UTC", result.Details["Resets at"], System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWorkingKeyReportsAccountTierAndUsage()
    {
        _fixture.Arrange(FaultMode.None);

        var result = await EmulatorFixture<MdbListEmulator>.TestAsync(_mdbList, _fixture.Target(("apiKey", _fixture.Emulator.ValidKey)));

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
                await EmulatorFixture<MdbListEmulator>.TestAsync(_mdbList, target);
            }

            var result = await EmulatorFixture<MdbListEmulator>.TestAsync(_mdbList, target);

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
