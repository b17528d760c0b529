using System;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Omdb;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class OmdbConnectionTests : IClassFixture<EmulatorFixture<OmdbEmulator>>, IDisposable
{
    private readonly EmulatorFixture<OmdbEmulator> _fixture;
    private readonly WiredConnection _wired = new();

    public OmdbConnectionTests(EmulatorFixture<OmdbEmulator> fixture)
    {
        _fixture = fixture;
    }

    public void Dispose() => _wired.Dispose();

    [Theory]
    [InlineData(FaultMode.None, UpstreamOutcome.Success, "OMDb accepted the key")]
    [InlineData(FaultMode.BadKey, UpstreamOutcome.Authentication, "activation link")]
    [InlineData(FaultMode.RateLimited, UpstreamOutcome.RateLimited, "slow down")]
    [InlineData(FaultMode.QuotaExhausted, UpstreamOutcome.QuotaExhausted, "00:00 UTC")]
    [InlineData(FaultMode.Outage, UpstreamOutcome.Outage, "try again later")]
    [InlineData(FaultMode.HtmlErrorPage, UpstreamOutcome.Outage, "error page")]
    [InlineData(FaultMode.MalformedBody, UpstreamOutcome.BadResponse, "not valid JSON")]
    public async Task EachWayOmdbAnswersBecomesAnAdminReadableResult(FaultMode mode, UpstreamOutcome outcome, string message)
    {
        _fixture.Arrange(mode);
        var key = _fixture.Emulator.ValidKey;

        var result = await _wired.TestAsync(IntegrationIds.Omdb, _fixture.Saved(("apiKey", key)));

        ConnectionAssert.Result(result, outcome, message, key);
        ConnectionAssert.Alert(_wired, IntegrationIds.Omdb, outcome, key);
    }

    [Fact]
    public async Task AWorkingKeyReportsTheTestTitle()
    {
        _fixture.Arrange(FaultMode.None);

        var result = await _wired.TestAsync(IntegrationIds.Omdb, _fixture.Target(("apiKey", _fixture.Emulator.ValidKey)));

        Assert.Contains("Empire Strikes Back", result.Details["Test lookup"], System.StringComparison.Ordinal);
        Assert.Equal(OmdbIntegration.TestImdbId, _fixture.Emulator.Requests[^1].Query("i"));
    }

    [Fact]
    public async Task AWrongKeyIsRefused()
    {
        _fixture.Arrange(FaultMode.None);

        var result = await _wired.TestAsync(IntegrationIds.Omdb, _fixture.Target(("apiKey", "wrong-omdb-key")));

        ConnectionAssert.Result(result, UpstreamOutcome.Authentication, "OMDb refused the key", "wrong-omdb-key");
    }

    [Fact]
    public async Task ASpentDailyQuotaSaysWhenItResets()
    {
        _fixture.Arrange(FaultMode.QuotaExhausted);

        var result = await _wired.TestAsync(IntegrationIds.Omdb, _fixture.Target(("apiKey", _fixture.Emulator.ValidKey)));

        Assert.EndsWith("00:00 UTC", result.Details["Resets at"], System.StringComparison.Ordinal);
    }
}
