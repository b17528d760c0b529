using System;
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
}
