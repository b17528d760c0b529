using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Tmdb;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class TmdbConnectionTests : IClassFixture<EmulatorFixture<TmdbEmulator>>
{
    private const string WrongV3Key = "0123456789abcdef0123456789abcdef";
    private readonly EmulatorFixture<TmdbEmulator> _fixture;
    private readonly TmdbIntegration _tmdb;

    public TmdbConnectionTests(EmulatorFixture<TmdbEmulator> fixture)
    {
        _fixture = fixture;
        _tmdb = new TmdbIntegration(fixture.Pipeline);
    }

    [Theory]
    [InlineData(FaultMode.None, UpstreamOutcome.Success, "TMDb accepted")]
    [InlineData(FaultMode.BadKey, UpstreamOutcome.Authentication, "v3 API key or the API Read Access Token")]
    [InlineData(FaultMode.RateLimited, UpstreamOutcome.RateLimited, "slow down")]
    [InlineData(FaultMode.QuotaExhausted, UpstreamOutcome.RateLimited, "slow down")]
    [InlineData(FaultMode.Outage, UpstreamOutcome.Outage, "try again later")]
    [InlineData(FaultMode.Timeout, UpstreamOutcome.Outage, "try again later")]
    [InlineData(FaultMode.HtmlErrorPage, UpstreamOutcome.Outage, "error page")]
    [InlineData(FaultMode.MalformedBody, UpstreamOutcome.BadResponse, "not JSON")]
    public async Task EachWayTmdbAnswersBecomesAnAdminReadableResult(FaultMode mode, UpstreamOutcome outcome, string message)
    {
        _fixture.Arrange(mode);
        var key = _fixture.Emulator.ValidKey;

        var result = await EmulatorFixture<TmdbEmulator>.TestAsync(_tmdb, _fixture.Target(("apiKey", key)));

        ConnectionAssert.Result(result, outcome, message, key);
    }

    [Fact]
    public async Task AWrongV3KeyIsRefusedAndTheTestWasInteractive()
    {
        _fixture.Arrange(FaultMode.None);

        var result = await EmulatorFixture<TmdbEmulator>.TestAsync(_tmdb, _fixture.Target(("apiKey", WrongV3Key)));

        ConnectionAssert.Result(result, UpstreamOutcome.Authentication, "v3 API key or the API Read Access Token", WrongV3Key);
        Assert.Equal("401", result.Details["HTTP status"]);
        var sent = _fixture.Pipeline.Sent.Last();
        Assert.Equal(RequestPriority.Interactive, sent.Priority);
        Assert.True(sent.IsConnectionTest);
        Assert.Equal("/3/authentication", _fixture.Emulator.Requests.Last().Path);
    }

    [Fact]
    public async Task AReadAccessTokenIsSentAsABearerHeaderNotInTheUrl()
    {
        _fixture.Arrange(FaultMode.None);

        var result = await EmulatorFixture<TmdbEmulator>.TestAsync(_tmdb, _fixture.Target(("apiKey", TmdbEmulator.ValidBearerToken)));

        ConnectionAssert.Result(result, UpstreamOutcome.Success, "TMDb accepted the API Read Access Token", TmdbEmulator.ValidBearerToken);
        var request = _fixture.Emulator.Requests.Last();
        Assert.Null(request.Query("api_key"));
        Assert.Equal("Bearer " + TmdbEmulator.ValidBearerToken, request.Header("Authorization"));
    }

    [Fact]
    public async Task AMissingKeyIsReportedWithoutACall()
    {
        _fixture.Arrange(FaultMode.None);

        var result = await EmulatorFixture<TmdbEmulator>.TestAsync(_tmdb, _fixture.Target());

        ConnectionAssert.Result(result, UpstreamOutcome.Authentication, "Enter the TMDb API key");
        Assert.Equal(0, _fixture.Emulator.RequestCount);
    }
}
