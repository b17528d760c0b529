using System;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.MdbList;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class MdbListClassifierTests
{
    private readonly MdbListClassifier _classifier = new();

    [Theory]
    [InlineData(200, """{"user_id":1,"user_name":"alice","api_requests":1000,"api_requests_count":3}""", UpstreamOutcome.Success)]
    [InlineData(200, """{"response":false,"error":"API Limit Reached!"}""", UpstreamOutcome.QuotaExhausted)]
    [InlineData(200, """{"response":false,"error":"API Rate Limit Reached!"}""", UpstreamOutcome.RateLimited)]
    [InlineData(200, """{"response":false,"error":"Invalid API key!"}""", UpstreamOutcome.Authentication)]
    [InlineData(200, """{"response":false,"error":"Something odd"}""", UpstreamOutcome.BadResponse)]
    [InlineData(401, """{"error":"Invalid API key!"}""", UpstreamOutcome.Authentication)]
    [InlineData(403, """{"error":"Forbidden"}""", UpstreamOutcome.Authentication)]
    [InlineData(429, """{"error":"API Rate Limit Reached!"}""", UpstreamOutcome.RateLimited)]
    [InlineData(404, """{"response":false,"error":"Not found"}""", UpstreamOutcome.NotFound)]
    [InlineData(500, "", UpstreamOutcome.Outage)]
    public void ReadsTheBodyBeforeTheStatus(int status, string body, UpstreamOutcome expected) =>
        Assert.Equal(expected, _classifier.Classify(status, body).Outcome);

    [Theory]
    [InlineData("30", UpstreamOutcome.RateLimited)]
    [InlineData("310", UpstreamOutcome.RateLimited)]
    [InlineData("311", UpstreamOutcome.QuotaExhausted)]
    [InlineData("32400", UpstreamOutcome.QuotaExhausted)]
    public void A429IsTheThrottleOrTheDailyQuotaByHowLongItAsksToWait(string retryAfter, UpstreamOutcome expected) =>
        Assert.Equal(expected, _classifier.Classify(429, "{}", "application/json", ("Retry-After", retryAfter)).Outcome);

    [Fact]
    public void DailyQuotaResetsAtTheRateLimitResetHeader()
    {
        var reset = ClassifierHarness.NextMidnight.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var verdict = _classifier.Classify(429, """{"response":false,"error":"API Limit Reached!"}""", "application/json", ("Retry-After", "32400"), ("X-RateLimit-Reset", reset), ("X-RateLimit-Remaining", "0"));

        Assert.Equal(UpstreamOutcome.QuotaExhausted, verdict.Outcome);
        Assert.Equal(ClassifierHarness.NextMidnight, verdict.ResetAt);
    }

    [Fact]
    public void DailyQuotaWithoutHeadersResetsAtMidnightUtc()
    {
        var verdict = _classifier.Classify(200, """{"response":false,"error":"API Limit Reached!"}""");
        Assert.Equal(ClassifierHarness.NextMidnight, verdict.ResetAt);
    }

    [Fact]
    public void A429WithoutRetryAfterUsesTheResetHeader()
    {
        var reset = ClassifierHarness.NextMidnight.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(UpstreamOutcome.QuotaExhausted, _classifier.Classify(429, "{}", "application/json", ("X-RateLimit-Reset", reset)).Outcome);
        var soon = ClassifierHarness.Now.AddSeconds(20).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(UpstreamOutcome.RateLimited, _classifier.Classify(429, "{}", "application/json", ("X-RateLimit-Reset", soon)).Outcome);
    }
}
