using System;

namespace Jellyfin.Plugin.Aperture.Integrations;

/// <summary>
/// The request budget of an integration. Every value has a documented default and can be changed in the
/// settings.
/// </summary>
/// <param name="RequestsPerWindow">Requests allowed in any <paramref name="Window"/>.</param>
/// <param name="Window">The sliding window of the rate limit.</param>
/// <param name="WritesPerSecond">Separate write limit (Trakt); 0 means writes share the read limit.</param>
/// <param name="DailyQuota">Requests per UTC day; 0 means no daily quota.</param>
/// <param name="MaxConcurrency">Requests in flight at once.</param>
/// <param name="Timeout">Per-attempt timeout.</param>
public sealed record IntegrationLimits(
    int RequestsPerWindow,
    TimeSpan Window,
    int WritesPerSecond,
    int DailyQuota,
    int MaxConcurrency,
    TimeSpan Timeout);
