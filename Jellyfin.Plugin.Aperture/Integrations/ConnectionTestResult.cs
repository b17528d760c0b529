using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Integrations;

/// <summary>
/// The outcome of a connection test, as the admin sees it.
/// </summary>
/// <param name="Outcome">How the service answered.</param>
/// <param name="Message">What happened, in words an admin understands (never holds a secret).</param>
/// <param name="Details">Facts the test learned: account name, tier, version, requests used, models found.</param>
/// <param name="Warning">Set when the service works but something needs attention (quota low, a model missing).</param>
public sealed record ConnectionTestResult(
    UpstreamOutcome Outcome,
    string Message,
    IReadOnlyDictionary<string, string> Details,
    string? Warning = null)
{
    /// <summary>Gets a value indicating whether the key works.</summary>
    public bool Succeeded => Outcome == UpstreamOutcome.Success;
}
