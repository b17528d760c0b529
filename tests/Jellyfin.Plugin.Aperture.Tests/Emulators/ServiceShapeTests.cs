using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Aperture.Emulators;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Emulators;

/// <summary>Each service's key test, wrong-key answer and limit answer, in its own shape.</summary>
public sealed class ServiceShapeTests
{
    [Fact]
    public async Task OmdbAnswersTheKeyTestAndRejectsMissingAndWrongKeysWith401()
    {
        await using var omdb = await OmdbEmulator.StartAsync();
        using var http = new HttpClient();

        using var ok = await Json.ReadAsync(await http.GetAsync(new Uri(omdb.BaseUrl, "?i=tt0080684&apikey=" + omdb.ValidKey)));
        Assert.Equal("True", ok.RootElement.GetProperty("Response").GetString());
        Assert.Equal("The Empire Strikes Back", ok.RootElement.GetProperty("Title").GetString());
        Assert.Contains(ok.RootElement.GetProperty("Ratings").EnumerateArray(), r => r.GetProperty("Source").GetString() == "Rotten Tomatoes");

        await AssertOmdbErrorAsync(http, new Uri(omdb.BaseUrl, "?i=tt0080684"), HttpStatusCode.Unauthorized, "No API key provided.");
        await AssertOmdbErrorAsync(http, new Uri(omdb.BaseUrl, "?i=tt0080684&apikey=wrong"), HttpStatusCode.Unauthorized, "Invalid API key!");
        await AssertOmdbErrorAsync(http, new Uri(omdb.BaseUrl, "?i=nonsense&apikey=" + omdb.ValidKey), HttpStatusCode.OK, "Incorrect IMDb ID.");
        await AssertOmdbErrorAsync(http, new Uri(omdb.BaseUrl, "?t=No+Such+Film&apikey=" + omdb.ValidKey), HttpStatusCode.OK, "Movie not found!");
    }

    [Fact]
    public async Task OmdbSeriesHaveNoRottenTomatoesOrMetacritic()
    {
        await using var omdb = await OmdbEmulator.StartAsync();
        using var http = new HttpClient();

        using var show = await Json.ReadAsync(await http.GetAsync(new Uri(omdb.BaseUrl, "?i=tt0903747&apikey=" + omdb.ValidKey)));

        Assert.Equal("series", show.RootElement.GetProperty("Type").GetString());
        Assert.Equal("5", show.RootElement.GetProperty("totalSeasons").GetString());
        Assert.Equal("N/A", show.RootElement.GetProperty("Metascore").GetString());
        Assert.Single(show.RootElement.GetProperty("Ratings").EnumerateArray());
    }

    [Fact]
    public async Task OmdbQuotaAnswers401RequestLimitReachedAfterTheDailyQuota()
    {
        await using var omdb = await OmdbEmulator.StartAsync();
        using var http = new HttpClient();
        omdb.DailyQuota = 2;
        var url = new Uri(omdb.BaseUrl, "?i=tt1375666&apikey=" + omdb.ValidKey);

        for (var i = 0; i < 2; i++)
        {
            using var ok = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        await AssertOmdbErrorAsync(http, url, HttpStatusCode.Unauthorized, "Request limit reached!");
        Assert.Equal(2, omdb.QuotaUsedToday);
    }

    [Fact]
    public async Task MdbListUserReportsAllowanceAndUsageWithRateLimitHeaders()
    {
        await using var mdbList = await MdbListEmulator.StartAsync();
        using var http = new HttpClient();
        mdbList.DailyQuota = 50;

        using (await http.GetAsync(new Uri(mdbList.BaseUrl, "tmdb/movie/603?apikey=" + mdbList.ValidKey)))
        {
        }

        using var response = await http.GetAsync(new Uri(mdbList.BaseUrl, "user?apikey=" + mdbList.ValidKey));

        Assert.Equal("50", response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("48", response.Headers.GetValues("X-RateLimit-Remaining").Single());
        var reset = long.Parse(response.Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, reset % 86_400);
        using var user = await Json.ReadAsync(response);
        Assert.Equal(50, user.RootElement.GetProperty("api_requests").GetInt32());
        Assert.Equal(2, user.RootElement.GetProperty("api_requests_count").GetInt32());

        using var wrong = await http.GetAsync(new Uri(mdbList.BaseUrl, "user?apikey=wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var error = await Json.ReadAsync(wrong);
        Assert.Equal("Invalid API key!", error.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task MdbListShowsCarryTomatoesAndBatchNeedsASupporter()
    {
        await using var mdbList = await MdbListEmulator.StartAsync();
        using var http = new HttpClient();

        using var show = await Json.ReadAsync(await http.GetAsync(new Uri(mdbList.BaseUrl, "tvdb/show/371980?apikey=" + mdbList.ValidKey)));
        Assert.Equal(95396, show.RootElement.GetProperty("ids").GetProperty("tmdb").GetInt32());
        Assert.Contains(show.RootElement.GetProperty("ratings").EnumerateArray(), r => r.GetProperty("source").GetString() == "tomatoes" && r.GetProperty("value").ValueKind == JsonValueKind.Number);

        var batchUrl = new Uri(mdbList.BaseUrl, "tmdb/movie?apikey=" + mdbList.ValidKey);
        using var refused = await http.PostAsJsonAsync(batchUrl, new { ids = new[] { 603, 27205 }, append_to_response = new[] { "keyword" } });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        mdbList.IsSupporter = true;
        using var batch = await Json.ReadAsync(await http.PostAsJsonAsync(batchUrl, new { ids = new[] { 603, 27205 } }));
        Assert.Equal(2, batch.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData(MdbListQuotaShape.Http429, HttpStatusCode.TooManyRequests)]
    [InlineData(MdbListQuotaShape.Http200Body, HttpStatusCode.OK)]
    public async Task MdbListQuotaAnswerHasTheSelectedShape(MdbListQuotaShape shape, HttpStatusCode expected)
    {
        await using var mdbList = await MdbListEmulator.StartAsync();
        using var http = new HttpClient();
        mdbList.QuotaShape = shape;
        mdbList.DailyQuota = 0;

        using var response = await http.GetAsync(new Uri(mdbList.BaseUrl, "imdb/movie/tt0133093?apikey=" + mdbList.ValidKey));

        Assert.Equal(expected, response.StatusCode);
        if (shape == MdbListQuotaShape.Http429)
        {
            Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 86_400);
        }

        using var body = await Json.ReadAsync(response);
        Assert.Equal("API Limit Reached!", body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task SeerrStatusIsPublicButAuthMeNeedsTheKeyAndAnswers403()
    {
        await using var seerr = await SeerrEmulator.StartAsync();
        using var http = new HttpClient();

        using var status = await http.GetAsync(new Uri(seerr.BaseUrl, "api/v1/status"));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);

        using var anonymous = await http.GetAsync(new Uri(seerr.BaseUrl, "api/v1/auth/me"));
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        using var denied = await Json.ReadAsync(anonymous);
        Assert.Equal("You do not have permission to access this endpoint", denied.RootElement.GetProperty("error").GetString());

        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri(seerr.BaseUrl, "api/v1/auth/me"));
        wrong.Headers.Add("X-Api-Key", "wrong");
        using var wrongResponse = await http.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Forbidden, wrongResponse.StatusCode);

        using var me = new HttpRequestMessage(HttpMethod.Get, new Uri(seerr.BaseUrl, "api/v1/auth/me"));
        me.Headers.Add("X-Api-Key", seerr.ValidKey);
        using var meBody = await Json.ReadAsync(await http.SendAsync(me));
        Assert.Equal(1, meBody.RootElement.GetProperty("id").GetInt32());
        Assert.Equal(3, meBody.RootElement.GetProperty("userType").GetInt32());
    }

    [Fact]
    public async Task SeerrMovieCarriesMediaInfoAndALoginProxyRedirects()
    {
        await using var seerr = await SeerrEmulator.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(seerr.BaseUrl, "api/v1/movie/603"));
        request.Headers.Add("X-Api-Key", seerr.ValidKey);
        using var movie = await Json.ReadAsync(await http.SendAsync(request));
        Assert.Equal(5, movie.RootElement.GetProperty("mediaInfo").GetProperty("status").GetInt32());

        seerr.ProxyRedirect = true;
        using var redirected = await http.GetAsync(new Uri(seerr.BaseUrl, "api/v1/status"));
        Assert.Equal(HttpStatusCode.Found, redirected.StatusCode);
        Assert.StartsWith("/login", redirected.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TraktWithoutUserAgentGetsCloudflareHtml403()
    {
        await using var trakt = await TraktEmulator.StartAsync();
        using var http = new HttpClient();

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(trakt.BaseUrl, "users/settings"));
        request.Headers.TryAddWithoutValidation("trakt-api-key", trakt.ValidKey);
        request.Headers.TryAddWithoutValidation("trakt-api-version", "2");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TraktRefusesCapitalizedHeaderNamesLikeCloudflareAndAnEmpty403ForAWrongClientId()
    {
        await using var trakt = await TraktEmulator.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Aperture.Tests/1.0");

        using var capitalized = new HttpRequestMessage(HttpMethod.Get, new Uri(trakt.BaseUrl, "users/settings"));
        capitalized.Headers.TryAddWithoutValidation("Trakt-Api-Key", trakt.ValidKey);
        capitalized.Headers.TryAddWithoutValidation("Trakt-Api-Version", "2");
        using var blocked = await http.SendAsync(capitalized);
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal("text/html", blocked.Content.Headers.ContentType?.MediaType);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri(trakt.BaseUrl, "users/settings"));
        wrong.Headers.TryAddWithoutValidation("trakt-api-key", "not-a-client-id");
        wrong.Headers.TryAddWithoutValidation("trakt-api-version", "2");
        using var refused = await http.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(await refused.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TraktDeviceFlowIssuesTokensAndRefreshTokensAreSingleUse()
    {
        await using var trakt = await TraktEmulator.StartAsync();
        using var http = NewTraktClient(trakt);

        using var unknown = await http.PostAsJsonAsync(new Uri(trakt.BaseUrl, "oauth/device/code"), new { client_id = "someone-else" });
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);

        using var code = await Json.ReadAsync(await http.PostAsJsonAsync(new Uri(trakt.BaseUrl, "oauth/device/code"), new { client_id = trakt.ValidKey }));
        Assert.Equal("https://trakt.tv/activate", code.RootElement.GetProperty("verification_url").GetString());
        var poll = new { code = code.RootElement.GetProperty("device_code").GetString(), client_id = trakt.ValidKey, client_secret = trakt.ClientSecret };

        using var pending = await http.PostAsJsonAsync(new Uri(trakt.BaseUrl, "oauth/device/token"), poll);
        Assert.Equal(HttpStatusCode.BadRequest, pending.StatusCode);

        trakt.ApproveDeviceCode();
        using var tokens = await Json.ReadAsync(await http.PostAsJsonAsync(new Uri(trakt.BaseUrl, "oauth/device/token"), poll));
        Assert.Equal(604800, tokens.RootElement.GetProperty("expires_in").GetInt32());
        var refresh = new { refresh_token = tokens.RootElement.GetProperty("refresh_token").GetString(), client_id = trakt.ValidKey, client_secret = trakt.ClientSecret, redirect_uri = "urn:ietf:wg:oauth:2.0:oob", grant_type = "refresh_token" };

        using var first = await http.PostAsJsonAsync(new Uri(trakt.BaseUrl, "oauth/token"), refresh);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var reused = await http.PostAsJsonAsync(new Uri(trakt.BaseUrl, "oauth/token"), refresh);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        using var error = await Json.ReadAsync(reused);
        Assert.Equal("invalid_grant", error.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task TraktSettingsNeedABearerAndReportLimits()
    {
        await using var trakt = await TraktEmulator.StartAsync();
        using var http = NewTraktClient(trakt);

        using var anonymous = await http.GetAsync(new Uri(trakt.BaseUrl, "users/settings"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(trakt.BaseUrl, "users/settings"));
        request.Headers.Authorization = new("Bearer", trakt.IssueTokens().AccessToken);
        using var settings = await Json.ReadAsync(await http.SendAsync(request));
        Assert.Equal(250, settings.RootElement.GetProperty("limits").GetProperty("watchlist").GetProperty("item_count").GetInt32());

        trakt.Mode = FaultMode.QuotaExhausted;
        using var limited = await http.GetAsync(new Uri(trakt.BaseUrl, "users/settings"));
        Assert.Equal(420, (int)limited.StatusCode);

        trakt.Mode = FaultMode.None;
        trakt.SetRateLimit(1, TimeSpan.FromMinutes(5));
        using (await http.GetAsync(new Uri(trakt.BaseUrl, "users/settings")))
        {
        }

        using var throttled = await http.GetAsync(new Uri(trakt.BaseUrl, "users/settings"));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        using var rateLimit = JsonDocument.Parse(throttled.Headers.GetValues("X-Ratelimit").Single());
        Assert.Equal("UNAUTHED_API_GET_LIMIT", rateLimit.RootElement.GetProperty("name").GetString());
        Assert.Equal(0, rateLimit.RootElement.GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task AiListsModelsAndRejectsAWrongKeyAndExhaustedQuotaInOpenAiShape()
    {
        await using var ai = await AiEmulator.StartAsync();
        using var http = new HttpClient();

        using var ok = await Json.ReadAsync(await SendAiAsync(http, ai, "models", ai.ValidKey));
        Assert.Contains(ok.RootElement.GetProperty("data").EnumerateArray(), m => m.GetProperty("id").GetString() == "text-embedding-3-small");

        using var wrong = await SendAiAsync(http, ai, "models", "sk-wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var wrongBody = await Json.ReadAsync(wrong);
        Assert.Equal("invalid_api_key", wrongBody.RootElement.GetProperty("error").GetProperty("code").GetString());

        ai.Mode = FaultMode.QuotaExhausted;
        using var quota = await SendAiAsync(http, ai, "models", ai.ValidKey);
        Assert.Equal(HttpStatusCode.TooManyRequests, quota.StatusCode);
        using var quotaBody = await Json.ReadAsync(quota);
        Assert.Equal("insufficient_quota", quotaBody.RootElement.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task AiOllamaModeAnswers404OnV1ModelsAndListsTagsForAnyBearer()
    {
        await using var ai = await AiEmulator.StartAsync();
        using var http = new HttpClient();
        ai.OllamaMode = true;

        using var models = await SendAiAsync(http, ai, "models", "anything");
        Assert.Equal(HttpStatusCode.NotFound, models.StatusCode);

        using var tags = await Json.ReadAsync(await http.GetAsync(new Uri(ai.RootUrl, "api/tags")));
        Assert.Equal(new[] { "llama3.1:8b", "nomic-embed-text:latest" }, tags.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToArray());
        using var version = await Json.ReadAsync(await http.GetAsync(new Uri(ai.RootUrl, "api/version")));
        Assert.Equal("0.5.7", version.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public async Task AiEmbeddingsAreDeterministicUnitVectors()
    {
        await using var ai = await AiEmulator.StartAsync();
        using var http = new HttpClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, ai.BaseUrl + "/embeddings")
        {
            Content = new StringContent("{\"model\":\"text-embedding-3-small\",\"input\":[\"heist movie\",\"heist movie\"],\"dimensions\":64}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", ai.ValidKey);
        using var body = await Json.ReadAsync(await http.SendAsync(request));

        var vectors = body.RootElement.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("embedding").EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal(2, vectors.Length);
        Assert.Equal(64, vectors[0].Length);
        Assert.Equal(vectors[0], vectors[1]);
        Assert.Equal(1.0, Math.Sqrt(vectors[0].Sum(v => v * v)), 3);
    }

    private static async Task AssertOmdbErrorAsync(HttpClient http, Uri url, HttpStatusCode status, string error)
    {
        using var response = await http.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        using var body = await Json.ReadAsync(response);
        Assert.Equal("False", body.RootElement.GetProperty("Response").GetString());
        Assert.Equal(error, body.RootElement.GetProperty("Error").GetString());
    }

    private static HttpClient NewTraktClient(TraktEmulator trakt)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Aperture.Tests/1.0");
        http.DefaultRequestHeaders.TryAddWithoutValidation("trakt-api-key", trakt.ValidKey);
        http.DefaultRequestHeaders.TryAddWithoutValidation("trakt-api-version", "2");
        return http;
    }

    private static Task<HttpResponseMessage> SendAiAsync(HttpClient http, AiEmulator ai, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ai.BaseUrl + "/" + path);
        request.Headers.Authorization = new("Bearer", key);
        return http.SendAsync(request);
    }
}
