using System;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// A read-only view of one service's budget, for the status page.
/// </summary>
/// <param name="Service">The integration id.</param>
/// <param name="RequestsInWindow">Requests in flight or ended within the current window.</param>
/// <param name="RequestsPerWindow">The rate limit.</param>
/// <param name="Window">The rate-limit window.</param>
/// <param name="WritesInWindow">Writes within the last second, when a separate write limit applies.</param>
/// <param name="WritesPerSecond">The write limit; 0 when writes share the rate limit.</param>
/// <param name="UsedToday">Requests counted today (UTC), or reported by the service.</param>
/// <param name="DailyQuota">The daily quota (configured or reported by the service); null when there is none.</param>
/// <param name="InFlight">Requests in flight.</param>
/// <param name="MaxConcurrency">Requests allowed in flight at once.</param>
/// <param name="PausedUntil">Until when the service is paused after a rate-limit answer, if it is.</param>
/// <param name="ParkedUntil">Until when the service is parked with a spent quota, if it is.</param>
/// <param name="Circuit">The circuit breaker's state.</param>
/// <param name="QueuedInteractive">Interactive requests waiting for a permit.</param>
/// <param name="QueuedBackground">Background requests waiting for a permit.</param>
/// <param name="PermitsGranted">Attempts let through since the pipeline started.</param>
/// <param name="LastInteractiveWait">Permits granted to other requests while the last interactive request waited
/// for its own (0 or 1 when the lanes work).</param>
public sealed record BudgetSnapshot(
    string Service,
    int RequestsInWindow,
    int RequestsPerWindow,
    TimeSpan Window,
    int WritesInWindow,
    int WritesPerSecond,
    int UsedToday,
    int? DailyQuota,
    int InFlight,
    int MaxConcurrency,
    DateTimeOffset? PausedUntil,
    DateTimeOffset? ParkedUntil,
    CircuitStatus Circuit,
    int QueuedInteractive,
    int QueuedBackground,
    long PermitsGranted,
    long LastInteractiveWait);
