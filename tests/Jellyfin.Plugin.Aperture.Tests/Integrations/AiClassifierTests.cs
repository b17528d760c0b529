using System;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Ai;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class AiClassifierTests
{
    private readonly AiClassifier _classifier = new();

    [Theory]
    [InlineData(200, """{"object":"list","data":[{"id":"gpt-4o-mini","object":"model"}]}""", UpstreamOutcome.Success)]
    [InlineData(401, """{"error":{"message":"Incorrect API key provided: sk-abc***xyz.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""", UpstreamOutcome.Authentication)]
    [InlineData(403, """{"error":{"message":"Country, region, or territory not supported","type":"request_forbidden","code":"unsupported_country_region_territory"}}""", UpstreamOutcome.Authentication)]
    [InlineData(429, """{"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}""", UpstreamOutcome.QuotaExhausted)]
    [InlineData(429, """{"error":{"message":"Credit balance exhausted.","type":"requests","code":"credit_balance_exhausted"}}""", UpstreamOutcome.QuotaExhausted)]
    [InlineData(429, """{"error":{"message":"Rate limit reached for gpt-4o-mini.","type":"requests","param":null,"code":"rate_limit_exceeded"}}""", UpstreamOutcome.RateLimited)]
    [InlineData(429, "", UpstreamOutcome.RateLimited)]
    [InlineData(500, """{"error":{"message":"The server had an error while processing your request.","type":"server_error"}}""", UpstreamOutcome.Outage)]
    [InlineData(503, """{"error":{"message":"The engine is currently overloaded.","type":"server_error"}}""", UpstreamOutcome.Outage)]
    [InlineData(404, "404 page not found", UpstreamOutcome.NotFound)]
    public void TellsARateLimitFromAnEmptyWallet(int status, string body, UpstreamOutcome expected) =>
        Assert.Equal(expected, _classifier.Classify(status, body).Outcome);

    [Fact]
    public void NeverRepeatsTheProvidersMessageWhichEchoesPartOfTheKey()
    {
        var verdict = _classifier.Classify(401, """{"error":{"message":"Incorrect API key provided: sk-abc***xyz.","code":"invalid_api_key"}}""");
        Assert.DoesNotContain("sk-abc", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfCreditIsNotRetriedSoItCarriesNoRetryAfter()
    {
        var verdict = _classifier.Classify(429, """{"error":{"type":"insufficient_quota","code":"insufficient_quota"}}""", "application/json", ("Retry-After", "20"));
        Assert.Equal(UpstreamOutcome.QuotaExhausted, verdict.Outcome);
        Assert.Null(verdict.RetryAfter);
    }

    [Theory]
    [InlineData("http://localhost:11434/v1", "http://localhost:11434/")]
    [InlineData("http://localhost:11434/v1/", "http://localhost:11434/")]
    [InlineData("http://127.0.0.1:9000/ollama/v1", "http://127.0.0.1:9000/ollama/")]
    [InlineData("http://localhost:11434", "http://localhost:11434/")]
    public void OllamaNativeApiLivesBesideV1(string baseUrl, string expected) =>
        Assert.Equal(new Uri(expected), AiIntegration.WithoutV1(new Uri(baseUrl)));
}
