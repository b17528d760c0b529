using System;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class SeerrConnectionTests : IClassFixture<EmulatorFixture<SeerrEmulator>>, IDisposable
{
    private readonly EmulatorFixture<SeerrEmulator> _fixture;
    private readonly WiredConnection _wired = new();

    public SeerrConnectionTests(EmulatorFixture<SeerrEmulator> fixture)
    {
        _fixture = fixture;
    }

    public void Dispose() => _wired.Dispose();

    [Theory]
    [InlineData(FaultMode.None, UpstreamOutcome.Success, "Seerr accepted the API key")]
    [InlineData(FaultMode.BadKey, UpstreamOutcome.Authentication, "Settings → General → API Key")]
    [InlineData(FaultMode.RateLimited, UpstreamOutcome.RateLimited, "slow down")]
    [InlineData(FaultMode.Outage, UpstreamOutcome.Outage, "try again later")]
    [InlineData(FaultMode.HtmlErrorPage, UpstreamOutcome.Outage, "error page")]
    [InlineData(FaultMode.MalformedBody, UpstreamOutcome.BadResponse, "not valid JSON")]
    public async Task EachWaySeerrAnswersBecomesAnAdminReadableResult(FaultMode mode, UpstreamOutcome outcome, string message)
    {
        _fixture.Arrange(mode);
        _fixture.Emulator.ProxyRedirect = false;
        var key = _fixture.Emulator.ValidKey;

        var result = await _wired.TestAsync(IntegrationIds.Seerr, _fixture.Saved(("apiKey", key)));

        ConnectionAssert.Result(result, outcome, message, key);
        ConnectionAssert.Alert(_wired, IntegrationIds.Seerr, outcome, key);
    }

    [Fact]
    public async Task AWrongKeyFailsEvenThoughSeerrsPublicEndpointsAnswerAnyKey()
    {
        _fixture.Arrange(FaultMode.None);
        _fixture.Emulator.ProxyRedirect = false;

        var result = await _wired.TestAsync(IntegrationIds.Seerr, _fixture.Target(("apiKey", "wrong-seerr-key")));

        ConnectionAssert.Result(result, UpstreamOutcome.Authentication, "Seerr refused the API key", "wrong-seerr-key");
        Assert.Equal("403", result.Details["HTTP status"]);
        Assert.Equal("/api/v1/auth/me", _fixture.Emulator.Requests.Single().Path);
    }

    [Fact]
    public async Task AWorkingKeyReportsTheActingUserAndVersion()
    {
        _fixture.Arrange(FaultMode.None);
        _fixture.Emulator.ProxyRedirect = false;

        var result = await _wired.TestAsync(IntegrationIds.Seerr, _fixture.Target(("apiKey", _fixture.Emulator.ValidKey)));

        Assert.True(result.Succeeded);
        Assert.Null(result.Warning);
        Assert.Equal("admin", result.Details["Acting as"]);
        Assert.Equal(_fixture.Emulator.Version, result.Details["Version"]);
    }

    [Theory]
    [InlineData("2.7.3", true, "Jellyseerr")]
    [InlineData("3.1.0", true, "Seerr")]
    [InlineData("1.33.2", false, "Overseerr")]
    public async Task TheCardShowsWhichKindOfServerAnswered(string version, bool reportsMediaServerType, string kind)
    {
        _fixture.Arrange(FaultMode.None);
        _fixture.Emulator.ProxyRedirect = false;
        var (oldVersion, oldReports) = (_fixture.Emulator.Version, _fixture.Emulator.ReportsMediaServerType);
        _fixture.Emulator.Version = version;
        _fixture.Emulator.ReportsMediaServerType = reportsMediaServerType;
        try
        {
            var result = await _wired.TestAsync(IntegrationIds.Seerr, _fixture.Target(("apiKey", _fixture.Emulator.ValidKey)));

            Assert.True(result.Succeeded);
            Assert.Equal(kind, result.Details["Server"]);
            Assert.Equal(version, result.Details["Version"]);
        }
        finally
        {
            (_fixture.Emulator.Version, _fixture.Emulator.ReportsMediaServerType) = (oldVersion, oldReports);
        }
    }

    [Fact]
    public async Task TheApiAddressWorksAsWellAsTheBrowserAddress()
    {
        _fixture.Arrange(FaultMode.None);
        _fixture.Emulator.ProxyRedirect = false;
        var apiAddress = new Uri(_fixture.Emulator.BaseUrl, "api/v1/");

        var result = await _wired.TestAsync(IntegrationIds.Seerr, EmulatorFixture<SeerrEmulator>.Target(apiAddress, ("apiKey", _fixture.Emulator.ValidKey)));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task ALoginProxyInFrontOfSeerrIsNamed()
    {
        _fixture.Arrange(FaultMode.None);
        _fixture.Emulator.ProxyRedirect = true;
        try
        {
            var result = await _wired.TestAsync(IntegrationIds.Seerr, _fixture.Target(("apiKey", _fixture.Emulator.ValidKey)));

            ConnectionAssert.Result(result, UpstreamOutcome.BadResponse, "reverse proxy or login page is in front of Seerr", _fixture.Emulator.ValidKey);
        }
        finally
        {
            _fixture.Emulator.ProxyRedirect = false;
        }
    }

    [Fact]
    public async Task NothingListeningIsAnOutageThatNamesTheAddress()
    {
        var closed = new Uri("http://127.0.0.1:9/");

        var result = await _wired.TestAsync(IntegrationIds.Seerr, EmulatorFixture<SeerrEmulator>.Target(closed, ("apiKey", "some-key")));

        ConnectionAssert.Result(result, UpstreamOutcome.Outage, "Could not reach Seerr at 127.0.0.1:9", "some-key");
    }
}
