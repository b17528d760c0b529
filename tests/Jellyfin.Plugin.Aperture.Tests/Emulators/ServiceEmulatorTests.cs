using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Aperture.Emulators;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Emulators;

/// <summary>Behaviour shared by every emulator: binding, the rate limit, fault modes, reset.</summary>
public sealed class ServiceEmulatorTests
{
    [Fact]
    public async Task AllSixStartOnLoopbackWithDistinctPortsAndTheirBasePaths()
    {
        await using var set = await EmulatorSet.StartAsync();

        Assert.Equal(6, set.All.Count());
        Assert.All(set.All, e => Assert.Equal("127.0.0.1", e.BaseUrl.Host));
        Assert.Equal(6, set.All.Select(e => e.BaseUrl.Port).Distinct().Count());
        Assert.Equal("/3", set.Tmdb.BaseUrl.AbsolutePath);
        Assert.Equal("/v1", set.Ai.BaseUrl.AbsolutePath);
        Assert.Equal(["tmdb", "omdb", "trakt", "mdblist", "seerr", "ai"], set.All.Select(e => e.Name).ToArray());
        Assert.All(set.All, e => Assert.Contains(e.Name + "-valid-key", e.ValidKeys));
    }

    [Fact]
    public async Task OverTheSlidingWindowTheServiceAnswers429WithRetryAfterAndCountsIt()
    {
        await using var tmdb = await TmdbEmulator.StartAsync();
        using var http = new HttpClient();
        tmdb.SetRateLimit(3, TimeSpan.FromSeconds(30));
        var url = new Uri(tmdb.BaseUrl + "/authentication?api_key=" + tmdb.ValidKey);

        for (var i = 0; i < 3; i++)
        {
            using var ok = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 30);
        using var body = await Json.ReadAsync(limited);
        Assert.Equal(25, body.RootElement.GetProperty("status_code").GetInt32());
        Assert.Equal(1, tmdb.OverLimitCount);
        Assert.Equal(4, tmdb.RequestCount);

        tmdb.ClearRateLimit();
        using var again = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task RateLimitedModeSendsTheConfiguredRetryAfter()
    {
        await using var ai = await AiEmulator.StartAsync();
        using var http = new HttpClient();
        ai.Mode = FaultMode.RateLimited;
        ai.RetryAfter = TimeSpan.FromSeconds(7);

        using var request = new HttpRequestMessage(HttpMethod.Get, ai.BaseUrl + "/models");
        request.Headers.Authorization = new("Bearer", ai.ValidKey);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        using var body = await Json.ReadAsync(response);
        Assert.Equal("rate_limit_exceeded", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task MalformedBodyIsTruncatedJsonWith200()
    {
        await using var omdb = await OmdbEmulator.StartAsync();
        using var http = new HttpClient();
        omdb.Mode = FaultMode.MalformedBody;

        using var response = await http.GetAsync(new Uri(omdb.BaseUrl, "?i=tt0133093&apikey=" + omdb.ValidKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task HtmlErrorPageIsA502TextHtmlPage()
    {
        await using var mdbList = await MdbListEmulator.StartAsync();
        using var http = new HttpClient();
        mdbList.Mode = FaultMode.HtmlErrorPage;

        using var response = await http.GetAsync(new Uri(mdbList.BaseUrl, "user?apikey=" + mdbList.ValidKey));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TimeoutModeHangsUntilTheClientGivesUp()
    {
        await using var seerr = await SeerrEmulator.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        seerr.Mode = FaultMode.Timeout;

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => http.GetAsync(new Uri(seerr.BaseUrl, "api/v1/status")));

        // On a loaded machine the server may record the request a moment after the client gave up (bounded wait).
        for (var i = 0; i < 50 && seerr.RequestCount == 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(1, seerr.RequestCount);
    }

    [Fact]
    public async Task TimeoutModeIsBoundedByTimeoutHangAndThenAnswers504()
    {
        await using var seerr = await SeerrEmulator.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        seerr.Mode = FaultMode.Timeout;
        seerr.TimeoutHang = TimeSpan.FromMilliseconds(50);

        using var response = await http.GetAsync(new Uri(seerr.BaseUrl, "api/v1/status"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        seerr.TimeoutHang = TimeSpan.FromMinutes(5);
        Assert.Equal(ServiceEmulator.MaxTimeoutHang, seerr.TimeoutHang);
    }

    [Fact]
    public async Task RequestsAreRecordedAndResetClearsThem()
    {
        await using var tmdb = await TmdbEmulator.StartAsync();
        using var http = new HttpClient();
        tmdb.Mode = FaultMode.Outage;

        using var response = await http.GetAsync(new Uri(tmdb.BaseUrl + "/movie/603?api_key=" + tmdb.ValidKey));

        var recorded = Assert.Single(tmdb.Requests);
        Assert.Equal("GET", recorded.Method);
        Assert.Equal("/3/movie/603", recorded.Path);
        Assert.Equal(tmdb.ValidKey, recorded.Query("api_key"));
        Assert.DoesNotContain(tmdb.ValidKey, recorded.ToString(), StringComparison.Ordinal);

        tmdb.Reset();
        Assert.Equal(FaultMode.None, tmdb.Mode);
        Assert.Empty(tmdb.Requests);
        Assert.Equal(0, tmdb.RequestCount);
    }
}
