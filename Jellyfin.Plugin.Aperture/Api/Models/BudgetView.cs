using System;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>How much of an integration's budget is in use right now.</summary>
public sealed class BudgetView
{
    /// <summary>Gets the requests made in the current rate window.</summary>
    public int UsedInWindow { get; init; }

    /// <summary>Gets the requests allowed in the rate window.</summary>
    public int WindowLimit { get; init; }

    /// <summary>Gets the requests used today (UTC), when the service has a daily quota.</summary>
    public int? UsedToday { get; init; }

    /// <summary>Gets the daily quota, when the service has one.</summary>
    public int? DailyQuota { get; init; }

    /// <summary>Gets until when the service is paused or parked, if it is.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>Gets requests waiting for a permit.</summary>
    public int Queued { get; init; }
}
