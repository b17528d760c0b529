using System;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// What the budget answered: a permit, or why the service cannot be called now.
/// </summary>
/// <param name="Permit">The permit, when granted.</param>
/// <param name="Outcome">Why it was refused (RateLimited: paused for long; QuotaExhausted: parked).</param>
/// <param name="Until">When the service can be called again, when refused.</param>
internal readonly record struct PermitDecision(BudgetPermit? Permit, UpstreamOutcome Outcome, DateTimeOffset? Until)
{
    /// <summary>
    /// Creates a granted decision.
    /// </summary>
    /// <param name="permit">The permit.</param>
    /// <returns>The decision.</returns>
    public static PermitDecision Granted(BudgetPermit permit) => new(permit, UpstreamOutcome.Success, null);
}
