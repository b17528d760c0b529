using System;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Trakt;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class TraktClassifierTests
{
    private const string CloudflarePage = "<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>Sorry, you have been blocked</body></html>";

    private readonly TraktClassifier _classifier = new();

    [Theory]
    [InlineData(200, """{"device_code":"x","user_code":"y"}""", "application/json", UpstreamOutcome.Success)]
    [InlineData(401, """{"error":"invalid_client"}""", "application/json", UpstreamOutcome.Authentication)]
    [InlineData(403, "", "application/json", UpstreamOutcome.Authentication)]
    [InlineData(403, CloudflarePage, "text/html", UpstreamOutcome.BadResponse)]
    [InlineData(423, "", "application/json", UpstreamOutcome.AccountLimit)]
    [InlineData(420, "", "application/json", UpstreamOutcome.AccountLimit)]
    [InlineData(426, "", "application/json", UpstreamOutcome.AccountLimit)]
    [InlineData(429, "", "application/json", UpstreamOutcome.RateLimited)]
    [InlineData(500, "", "application/json", UpstreamOutcome.Outage)]
    [InlineData(502, "", "application/json", UpstreamOutcome.Outage)]
    [InlineData(503, "", "application/json", UpstreamOutcome.Outage)]
    [InlineData(504, "", "application/json", UpstreamOutcome.Outage)]
    [InlineData(520, CloudflarePage, "text/html", UpstreamOutcome.Outage)]
    [InlineData(521, CloudflarePage, "text/html", UpstreamOutcome.Outage)]
    [InlineData(522, CloudflarePage, "text/html", UpstreamOutcome.Outage)]
    [InlineData(404, "", "application/json", UpstreamOutcome.NotFound)]
    [InlineData(409, """{"expires_at":"2026-11-26T15:30:00.000Z"}""", "application/json", UpstreamOutcome.BadResponse)]
    public void ReadsTheStatusCode(int status, string body, string contentType, UpstreamOutcome expected) =>
        Assert.Equal(expected, _classifier.Classify(status, body, contentType).Outcome);

    [Fact]
    public void CloudflareBlockSaysTheKeyWasNotCheckedAndNamesTheUserAgent()
    {
        var verdict = _classifier.Classify(403, CloudflarePage, "text/html");
        Assert.Contains("User-Agent", verdict.Message, StringComparison.Ordinal);
        Assert.Contains("key was not checked", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RateLimitCarriesRetryAfterSeconds()
    {
        var verdict = _classifier.Classify(429, string.Empty, "application/json", ("Retry-After", "300"), ("X-Ratelimit", """{"name":"UNAUTHED_API_GET_LIMIT","period":300,"limit":1000,"remaining":0}"""));
        Assert.Equal(TimeSpan.FromMinutes(5), verdict.RetryAfter);
    }

    [Fact]
    public void RateLimitReadsAnHttpDateRetryAfter()
    {
        var verdict = _classifier.Classify(429, string.Empty, "application/json", ("Retry-After", "Thu, 26 Nov 2026 15:02:00 GMT"));
        Assert.Equal(TimeSpan.FromMinutes(2), verdict.RetryAfter);
    }

    [Theory]
    [InlineData("X-Account-Locked", "locked")]
    [InlineData("X-Account-Deactivated", "deactivated")]
    public void LockedAccountSaysWhich(string header, string word)
    {
        var verdict = _classifier.Classify(423, string.Empty, "application/json", (header, "true"));
        Assert.Contains(word, verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(420, "watchlist size limit")]
    [InlineData(426, "VIP")]
    [InlineData(423, "locked")]
    public void AccountLimitsSayTheReasonInWords(int status, string words)
    {
        var verdict = _classifier.Classify(status, string.Empty, "application/json");
        Assert.Contains(words, verdict.Message, StringComparison.Ordinal);
        Assert.Null(verdict.RetryAfter);
    }

    [Fact]
    public void AnAccountLimitNamesTheLimitTraktSent()
    {
        var verdict = _classifier.Classify(420, string.Empty, "application/json", ("X-Account-Limit", "250"));
        Assert.Contains("of 250 items", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.trakt.tv", "https://auth.trakt.tv/")]
    [InlineData("https://API.trakt.tv/", "https://auth.trakt.tv/")]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/")]
    public void OAuthCallsGoToTheAuthHostOnlyForTheRealApi(string apiBase, string expected) =>
        Assert.Equal(new Uri(expected), TraktHosts.OAuthBase(new Uri(apiBase)));
}
