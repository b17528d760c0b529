using System;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Tmdb;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class TmdbClassifierTests
{
    private readonly TmdbClassifier _classifier = new();

    [Theory]
    [InlineData(200, """{"success":true,"status_code":1,"status_message":"Success."}""", UpstreamOutcome.Success)]
    [InlineData(401, """{"success":false,"status_code":7,"status_message":"Invalid API key: You must be granted a valid key."}""", UpstreamOutcome.Authentication)]
    [InlineData(401, """{"success":false,"status_code":3,"status_message":"Authentication failed: You do not have permissions to access the service."}""", UpstreamOutcome.Authentication)]
    [InlineData(401, """{"success":false,"status_code":10,"status_message":"Suspended API key: Access to your account has been suspended, contact TMDB."}""", UpstreamOutcome.Authentication)]
    [InlineData(401, """{"success":false,"status_code":35,"status_message":"Invalid token."}""", UpstreamOutcome.Authentication)]
    [InlineData(429, """{"success":false,"status_code":25,"status_message":"Your request count (41) is over the allowed limit of 40."}""", UpstreamOutcome.RateLimited)]
    [InlineData(503, """{"success":false,"status_code":9,"status_message":"Service offline: This service is temporarily offline, try again later."}""", UpstreamOutcome.Outage)]
    [InlineData(500, """{"success":false,"status_code":11,"status_message":"Internal error: Something went wrong, contact TMDB."}""", UpstreamOutcome.Outage)]
    [InlineData(504, """{"success":false,"status_code":24,"status_message":"Your request to the backend server timed out. Try again."}""", UpstreamOutcome.Outage)]
    [InlineData(502, """{"success":false,"status_code":43,"status_message":"Couldn't connect to the backend server."}""", UpstreamOutcome.Outage)]
    [InlineData(503, """{"success":false,"status_code":46,"status_message":"The API is undergoing maintenance. Try again later."}""", UpstreamOutcome.Outage)]
    [InlineData(404, """{"success":false,"status_code":34,"status_message":"The resource you requested could not be found."}""", UpstreamOutcome.NotFound)]
    [InlineData(404, """{"success":false,"status_code":6,"status_message":"Invalid id: The pre-requisite id is invalid or not found."}""", UpstreamOutcome.NotFound)]
    [InlineData(400, """{"success":false,"status_code":27,"status_message":"Too many append to response objects: The maximum number of remote calls is 20."}""", UpstreamOutcome.BadResponse)]
    [InlineData(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", UpstreamOutcome.Outage)]
    [InlineData(200, "<!DOCTYPE html><html><body>Captive portal</body></html>", UpstreamOutcome.BadResponse)]
    public void ReadsTheBodyStatusCode(int status, string body, UpstreamOutcome expected) =>
        Assert.Equal(expected, _classifier.Classify(status, body).Outcome);

    [Fact]
    public void WrongKeyMessageTellsWhichKeysToPaste()
    {
        var verdict = _classifier.Classify(401, """{"success":false,"status_code":7,"status_message":"Invalid API key: You must be granted a valid key."}""");
        Assert.Contains("v3 API key or the API Read Access Token", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("0", 1)]
    [InlineData(null, 1)]
    public void RateLimitHonoursRetryAfterButWaitsAtLeastOneSecond(string? retryAfter, int expectedSeconds)
    {
        var headers = retryAfter is null ? Array.Empty<(string, string)>() : new[] { ("Retry-After", retryAfter) };
        var verdict = _classifier.Classify(429, """{"success":false,"status_code":25}""", "application/json", headers);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), verdict.RetryAfter);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789ABCDEF", TmdbKeyKind.V3ApiKey)]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln", TmdbKeyKind.ReadAccessToken)]
    [InlineData("not-a-key", TmdbKeyKind.Unknown)]
    [InlineData("0123456789abcdef0123456789abcdeg", TmdbKeyKind.Unknown)]
    public void DetectsWhichKindOfKeyWasPasted(string key, TmdbKeyKind expected) =>
        Assert.Equal(expected, TmdbAuth.Detect(key));

    [Fact]
    public void PutsAV3KeyInTheQueryAndATokenInTheHeader()
    {
        var v3 = TmdbAuth.Authorize("authentication", "0123456789abcdef0123456789abcdef", out var v3Headers);
        Assert.Equal("authentication?api_key=0123456789abcdef0123456789abcdef", v3);
        Assert.Empty(v3Headers);

        var token = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2ln";
        Assert.Equal("movie/603?language=en", TmdbAuth.Authorize("movie/603?language=en", token, out var tokenHeaders));
        Assert.Equal("Bearer " + token, tokenHeaders["Authorization"]);
    }
}
