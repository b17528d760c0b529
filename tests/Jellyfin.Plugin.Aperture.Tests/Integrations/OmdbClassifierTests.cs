using System;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Omdb;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class OmdbClassifierTests
{
    private readonly OmdbClassifier _classifier = new();

    [Theory]
    [InlineData(200, """{"Title":"Star Wars: Episode V - The Empire Strikes Back","Year":"1980","Response":"True"}""", UpstreamOutcome.Success)]
    [InlineData(401, """{"Response":"False","Error":"Invalid API key!"}""", UpstreamOutcome.Authentication)]
    [InlineData(401, """{"Response":"False","Error":"No API key provided."}""", UpstreamOutcome.Authentication)]
    [InlineData(401, """{"Response":"False","Error":"Request limit reached!"}""", UpstreamOutcome.QuotaExhausted)]
    [InlineData(429, """{"Response":"False","Error":"Request limit reached!"}""", UpstreamOutcome.RateLimited)]
    [InlineData(200, """{"Response":"False","Error":"Incorrect IMDb ID."}""", UpstreamOutcome.NotFound)]
    [InlineData(200, """{"Response":"False","Error":"Movie not found!"}""", UpstreamOutcome.NotFound)]
    [InlineData(200, """{"Response":"False","Error":"Series not found!"}""", UpstreamOutcome.NotFound)]
    [InlineData(200, """{"Response":"False","Error":"Error getting data."}""", UpstreamOutcome.Outage)]
    [InlineData(200, """{"Response":"False","Error":"Something went wrong."}""", UpstreamOutcome.BadResponse)]
    [InlineData(401, "", UpstreamOutcome.Authentication)]
    [InlineData(503, "<html><body>503 Service Unavailable</body></html>", UpstreamOutcome.Outage)]
    public void ReadsTheErrorText(int status, string body, UpstreamOutcome expected) =>
        Assert.Equal(expected, _classifier.Classify(status, body).Outcome);

    [Fact]
    public void SpentQuotaIsParkedUntilMidnightUtc()
    {
        var verdict = _classifier.Classify(401, """{"Response":"False","Error":"Request limit reached!"}""");

        Assert.Equal(ClassifierHarness.NextMidnight, verdict.ResetAt);
        Assert.Equal(TimeSpan.FromHours(9), verdict.RetryAfter);
        Assert.Contains("00:00 UTC", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongKeyMessageMentionsTheActivationLink()
    {
        var verdict = _classifier.Classify(401, """{"Response":"False","Error":"Invalid API key!"}""");
        Assert.Contains("activation link", verdict.Message, StringComparison.Ordinal);
    }
}
