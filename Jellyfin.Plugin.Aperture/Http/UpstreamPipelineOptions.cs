using System;
using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Integrations;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// The pipeline's resilience policy. Per-service limits come from the settings; these are the same for all.
/// </summary>
public sealed class UpstreamPipelineOptions
{
    /// <summary>Gets the attempts per call, the first included (retries only for rate limits and outages).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Gets the first retry delay; later ones double, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets the longest rate-limit pause a call waits out. A longer one (Trakt blocks for 5 minutes) answers
    /// RateLimited at once, so background work moves on instead of holding a job.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the failed attempts within <see cref="CircuitSamplingDuration"/> that open a service's circuit.</summary>
    public int CircuitMinimumThroughput { get; init; } = 6;

    /// <summary>Gets the share of failed attempts that opens the circuit, from 0 to 1.</summary>
    public double CircuitFailureRatio { get; init; } = 0.8;

    /// <summary>Gets the span over which the circuit counts failures.</summary>
    public TimeSpan CircuitSamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets how long an open circuit answers Outage before it lets one probe through.</summary>
    public TimeSpan CircuitBreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets how long a request must have waited for its answer before a caller giving up on it (a library scan's
    /// per-item budget, a closed page, a shutdown) counts as the service hanging: an outage for the circuit breaker
    /// and for health, exactly like the per-attempt timeout. A healthy service answers well within it; a caller who
    /// cancels sooner has learned nothing about the service, so that call records nothing.
    /// </summary>
    public TimeSpan HangEvidence { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets the services whose <c>X-RateLimit-Limit/Remaining/Reset</c> headers describe a daily quota
    /// (MDBList). Other services' such headers are ignored (TMDb's are stale).
    /// </summary>
    public IReadOnlyCollection<string> DailyQuotaHeaderServices { get; init; } = new[] { IntegrationIds.MdbList };
}
