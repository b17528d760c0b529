using System;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class SeerrClassifierTests
{
    private readonly SeerrClassifier _classifier = new();

    [Theory]
    [InlineData(200, """{"id":1,"displayName":"admin","permissions":2}""", "application/json", UpstreamOutcome.Success)]
    [InlineData(403, """{"status":403,"error":"You do not have permission to access this endpoint"}""", "application/json", UpstreamOutcome.Authentication)]
    [InlineData(401, """{"status":401,"error":"Unauthorized"}""", "application/json", UpstreamOutcome.Authentication)]
    [InlineData(403, """{"message":"Movie Quota exceeded.","errors":[]}""", "application/json", UpstreamOutcome.QuotaExhausted)]
    [InlineData(403, """{"message":"You do not have permission to request movies."}""", "application/json", UpstreamOutcome.BadResponse)]
    [InlineData(403, """{"message":"This media is blocklisted."}""", "application/json", UpstreamOutcome.BadResponse)]
    [InlineData(409, """{"message":"Request for this media already exists."}""", "application/json", UpstreamOutcome.BadResponse)]
    [InlineData(302, "", null, UpstreamOutcome.BadResponse)]
    [InlineData(200, "<!DOCTYPE html><html><body><form>Sign in</form></body></html>", "text/html", UpstreamOutcome.BadResponse)]
    [InlineData(401, "<html><body>Authelia</body></html>", "text/html", UpstreamOutcome.BadResponse)]
    [InlineData(429, """{"message":"Too many requests, please try again later.","errors":[]}""", "application/json", UpstreamOutcome.RateLimited)]
    [InlineData(500, """{"status":500,"message":"Unable to retrieve user."}""", "application/json", UpstreamOutcome.Outage)]
    [InlineData(404, "<!DOCTYPE html><html><body>Not Found</body></html>", "text/html", UpstreamOutcome.NotFound)]
    public void ABadKeyIsA403AndAProxyIsABadResponse(int status, string body, string? contentType, UpstreamOutcome expected) =>
        Assert.Equal(expected, _classifier.Classify(status, body, contentType).Outcome);

    [Fact]
    public void ARequestSeerrRefusesForTheUserIsNotReadAsABadKey()
    {
        var verdict = _classifier.Classify(403, """{"message":"You do not have permission to request movies."}""", "application/json");

        Assert.NotEqual(UpstreamOutcome.Authentication, verdict.Outcome);
        Assert.Equal("Seerr refused the request: You do not have permission to request movies.", verdict.Message);
    }

    [Theory]
    [InlineData(302)]
    [InlineData(200)]
    public void ProxyMessageTellsTheAdminToLetJellyfinReachSeerrDirectly(int status)
    {
        var verdict = _classifier.Classify(status, status == 200 ? "<html><body>login</body></html>" : string.Empty, "text/html");
        Assert.Contains("reverse proxy or login page is in front of Seerr", verdict.Message, StringComparison.Ordinal);
        Assert.Contains("reach Seerr directly", verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://192.168.1.10:5055", "api/v1/auth/me")]
    [InlineData("http://192.168.1.10:5055/", "api/v1/auth/me")]
    [InlineData("https://example.org/seerr/", "api/v1/auth/me")]
    [InlineData("http://192.168.1.10:5055/api/v1", "auth/me")]
    [InlineData("http://192.168.1.10:5055/api/v1/", "auth/me")]
    public void AcceptsTheBrowserAddressOrTheApiAddress(string baseUrl, string expected) =>
        Assert.Equal(expected, SeerrApiPath.For(new Uri(baseUrl), "auth/me"));
}
