using System;
using System.Linq;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

internal static class ConnectionAssert
{
    /// <summary>
    /// Asserts the outcome and a fragment of the admin's message, and that no secret shows anywhere in the result.
    /// </summary>
    public static void Result(ConnectionTestResult result, UpstreamOutcome outcome, string messageFragment, params string[] secrets)
    {
        Assert.Equal(outcome, result.Outcome);
        Assert.Contains(messageFragment, result.Message, StringComparison.OrdinalIgnoreCase);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, result.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, result.Warning ?? string.Empty, StringComparison.Ordinal);
            foreach (var (name, value) in result.Details)
            {
                Assert.DoesNotContain(secret, name + value, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>
    /// Asserts the alert the page shows after a saved key's test: the kind that matches the outcome (none after a
    /// success), for this service, with no secret in its message or advice.
    /// </summary>
    public static void Alert(WiredConnection wired, string service, UpstreamOutcome outcome, params string[] secrets)
    {
        var open = wired.OpenAlerts;
        if (outcome is UpstreamOutcome.Success)
        {
            Assert.Empty(open);
            return;
        }

        var alert = Assert.Single(open);
        Assert.Equal(service, alert.Service);
        Assert.Equal(ExpectedKind(outcome), alert.Kind);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, alert.Message + alert.Action, StringComparison.Ordinal));
    }

    private static AlertKind ExpectedKind(UpstreamOutcome outcome) => outcome switch
    {
        UpstreamOutcome.Authentication => AlertKind.Authentication,
        UpstreamOutcome.RateLimited => AlertKind.RateLimit,
        UpstreamOutcome.QuotaExhausted => AlertKind.Quota,
        UpstreamOutcome.AccountLimit => AlertKind.AccountLimit,
        UpstreamOutcome.Outage => AlertKind.Outage,
        _ => AlertKind.BadResponse,
    };
}
