using System;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class TraktConnectionTests : IClassFixture<EmulatorFixture<TraktEmulator>>, IDisposable
{
    private readonly EmulatorFixture<TraktEmulator> _fixture;
    private readonly WiredConnection _wired = new();

    public TraktConnectionTests(EmulatorFixture<TraktEmulator> fixture)
    {
        _fixture = fixture;
    }

    public void Dispose() => _wired.Dispose();

    [Theory]
    [InlineData(FaultMode.None, UpstreamOutcome.Success, "Trakt accepted the Client ID")]
    [InlineData(FaultMode.BadKey, UpstreamOutcome.Authentication, "Client ID")]
    [InlineData(FaultMode.RateLimited, UpstreamOutcome.RateLimited, "slow down")]
    [InlineData(FaultMode.QuotaExhausted, UpstreamOutcome.AccountLimit, "limit")]
    [InlineData(FaultMode.Outage, UpstreamOutcome.Outage, "try again later")]
    [InlineData(FaultMode.HtmlErrorPage, UpstreamOutcome.Outage, "error page")]
    [InlineData(FaultMode.MalformedBody, UpstreamOutcome.BadResponse, "not valid JSON")]
    public async Task EachWayTraktAnswersBecomesAnAdminReadableResult(FaultMode mode, UpstreamOutcome outcome, string message)
    {
        _fixture.Arrange(mode);
        var clientId = _fixture.Emulator.ValidKey;
        var secret = _fixture.Emulator.ClientSecret;

        var result = await _wired.TestAsync(IntegrationIds.Trakt, _fixture.Saved(("clientId", clientId), ("clientSecret", secret)));

        ConnectionAssert.Result(result, outcome, message, clientId, secret);
        ConnectionAssert.Alert(_wired, IntegrationIds.Trakt, outcome, clientId, secret);
    }

    [Fact]
    public async Task AWrongClientIdIsRefused()
    {
        _fixture.Arrange(FaultMode.None);

        var result = await _wired.TestAsync(IntegrationIds.Trakt, _fixture.Target(("clientId", "wrong-client-id"), ("clientSecret", "some-secret")));

        ConnectionAssert.Result(result, UpstreamOutcome.Authentication, "trakt.tv/oauth/applications", "wrong-client-id", "some-secret");
    }

    [Fact]
    public async Task TheDeviceCodeCallCarriesTraktsRequiredHeadersAndNoCodeIsShown()
    {
        _fixture.Arrange(FaultMode.None);

        var result = await _wired.TestAsync(IntegrationIds.Trakt, _fixture.Target(("clientId", _fixture.Emulator.ValidKey), ("clientSecret", _fixture.Emulator.ClientSecret)));

        Assert.True(result.Succeeded);
        var request = _fixture.Emulator.Requests.Last();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/oauth/device/code", request.Path);
        Assert.Equal("2", request.Header("trakt-api-version"));
        Assert.False(string.IsNullOrWhiteSpace(request.Header("User-Agent")));
        Assert.StartsWith("application/json", request.Header("Content-Type"), System.StringComparison.Ordinal);
        Assert.Contains(request.Headers.Keys, k => k == "trakt-api-key");
        Assert.DoesNotContain(result.Details.Values, v => v.Contains("activate", System.StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, _fixture.Emulator.RequestCount);
    }

    [Fact]
    public async Task AMissingSecretIsReportedWithoutACall()
    {
        _fixture.Arrange(FaultMode.None);

        var result = await _wired.TestAsync(IntegrationIds.Trakt, _fixture.Target(("clientId", _fixture.Emulator.ValidKey)));

        ConnectionAssert.Result(result, UpstreamOutcome.Authentication, "Client secret");
        Assert.Equal(0, _fixture.Emulator.RequestCount);
    }
}
