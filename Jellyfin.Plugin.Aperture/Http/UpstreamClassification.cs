using System;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// The verdict on one HTTP answer.
/// </summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Message">What it means for an admin (no secrets).</param>
/// <param name="RetryAfter">How long to wait before the next call, if the service said.</param>
/// <param name="ResetAt">When a spent quota resets, if known.</param>
public readonly record struct UpstreamClassification(
    UpstreamOutcome Outcome,
    string Message,
    TimeSpan? RetryAfter = null,
    DateTimeOffset? ResetAt = null);
