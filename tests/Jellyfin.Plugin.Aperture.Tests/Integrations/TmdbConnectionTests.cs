using System;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class TmdbConnectionTests : IClassFixture<EmulatorFixture<TmdbEmulator>>, IDisposable
{
    private const string WrongV3Key = "0123456789abcdef0123456789abcdef";
    private readonly EmulatorFixture<TmdbEmulator> _fixture;
    private readonly WiredConnection _wired = new();

    public TmdbConnectionTests(EmulatorFixture<TmdbEmulator> fixture)
    {
        _fixture = fixture;
    }

    public void Dispose() => _wired.Dispose();

    [Theory]
    [InlineData(FaultMode.None, UpstreamOutcome.Success, "TMDb accepted")]
    [InlineData(FaultMode.BadKey, UpstreamOutcome.Authentication, "v3 API key or the API Read Access Token")]
    [InlineData(FaultMode.RateLimited, UpstreamOutcome.RateLimited, "slow down")]
    [InlineData(FaultMode.QuotaExhausted, UpstreamOutcome.RateLimited, "slow down")]
    [InlineData(FaultMode.Outage, UpstreamOutcome.Outage, "try again later")]
    [InlineData(FaultMode.HtmlErrorPage, UpstreamOutcome.Outage, "error page")]
    [InlineData(FaultMode.MalformedBody, UpstreamOutcome.BadResponse, "not valid JSON")]
    public async Task EachWayTmdbAnswersBecomesAnAdminReadableResult(FaultMode mode, UpstreamOutcome outcome, string message)
    {
        _fixture.Arrange(mode);
        var key = _fixture.Emulator.ValidKey;

        var result = await _wired.TestAsync(IntegrationIds.Tmdb, _fixture.Saved(("apiKey", key)));

        ConnectionAssert.Result(result, outcome, message, key);
        ConnectionAssert.Alert(_wired, IntegrationIds.Tmdb, outcome, key);
    }

    [Fact]
    public async Task AHangingTmdbIsCutOffByItsOwnTimeoutTriedThreeTimesThenReportedAsAnOutage()
    {
        _fixture.Arrange(FaultMode.Timeout);
        _wired.UpstreamHangs = true;
        var key = _fixture.Emulator.ValidKey;

        var result = await _wired.TestAsync(IntegrationIds.Tmdb, _fixture.Saved(("apiKey", key)));

        // TMDb's default timeout is 10 s per attempt, and the shipped policy makes three attempts.
        ConnectionAssert.Result(result, UpstreamOutcome.Outage, "did not answer within 10 s", key);
        Assert.Contains("gave up after 3 attempts", result.Message, StringComparison.Ordinal);
        Assert.Equal(3, _fixture.Emulator.RequestCount);
        ConnectionAssert.Alert(_wired, IntegrationIds.Tmdb, UpstreamOutcome.Outage, key);
    }

    [Fact]
    public async Task AWrongV3KeyIsRefusedAndTheTestWasInteractive()
    {
        _fixture.Arrange(FaultMode.None);

        var result = await _wired.TestAsync(IntegrationIds.Tmdb, _fixture.Target(("apiKey", WrongV3Key)));

        ConnectionAssert.Result(result, UpstreamOutcome.Authentication, "v3 API key or the API Read Access Token", WrongV3Key);
        Assert.Equal("401", result.Details["HTTP status"]);
        var sent = _wired.Sent.Last();
        Assert.Equal(RequestPriority.Interactive, sent.Priority);
        Assert.True(sent.IsConnectionTest);
        Assert.Equal("/3/authentication", _fixture.Emulator.Requests.Last().Path);
    }

    [Fact]
    public async Task AReadAccessTokenIsSentAsABearerHeaderNotInTheUrl()
    {
        _fixture.Arrange(FaultMode.None);

        var result = await _wired.TestAsync(IntegrationIds.Tmdb, _fixture.Target(("apiKey", TmdbEmulator.ValidBearerToken)));

        ConnectionAssert.Result(result, UpstreamOutcome.Success, "TMDb accepted the API Read Access Token", TmdbEmulator.ValidBearerToken);
        var request = _fixture.Emulator.Requests.Last();
        Assert.Null(request.Query("api_key"));
        Assert.Equal("Bearer " + TmdbEmulator.ValidBearerToken, request.Header("Authorization"));
    }

    [Fact]
    public async Task AMissingKeyIsReportedWithoutACall()
    {
        _fixture.Arrange(FaultMode.None);

        var result = await _wired.TestAsync(IntegrationIds.Tmdb, _fixture.Target());

        ConnectionAssert.Result(result, UpstreamOutcome.Authentication, "Enter the TMDb API key");
        Assert.Equal(0, _fixture.Emulator.RequestCount);
    }
}
