using System;
using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>
/// A whole read of one list's items: complete, or failed with the reason. A failed read carries no items, so nothing
/// downstream can mistake part of a list for all of it.
/// </summary>
/// <param name="Items">Every title of the chosen kind, in the answer's order; empty when the read failed.</param>
/// <param name="Requests">The requests the read spent (pages asked for, failed ones included).</param>
/// <param name="Failure">Why the read failed (outage, quota, bad response…), or null when it is complete.</param>
/// <param name="Reason">What went wrong, in words for an admin, or null.</param>
/// <param name="ResetAt">When a spent quota resets, if known.</param>
public sealed record MdbListListRead(IReadOnlyList<MdbListListItem> Items, int Requests, UpstreamOutcome? Failure, string? Reason, DateTimeOffset? ResetAt)
{
    /// <summary>Gets a value indicating whether every page was read.</summary>
    public bool IsComplete => Failure is null;

    /// <summary>Builds a failed read.</summary>
    /// <param name="requests">The requests spent.</param>
    /// <param name="failure">The outcome.</param>
    /// <param name="reason">Why.</param>
    /// <param name="resetAt">When a quota resets.</param>
    /// <returns>The read.</returns>
    public static MdbListListRead Failed(int requests, UpstreamOutcome failure, string reason, DateTimeOffset? resetAt = null) =>
        new(Array.Empty<MdbListListItem>(), requests, failure, reason, resetAt);
}
