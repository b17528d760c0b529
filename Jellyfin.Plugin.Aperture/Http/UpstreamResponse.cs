using System;
using System.Net.Http.Headers;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// The classified answer to an upstream call. The pipeline never throws for an upstream failure; callers read
/// <see cref="Outcome"/>.
/// </summary>
public sealed class UpstreamResponse
{
    /// <summary>Gets the outcome.</summary>
    public required UpstreamOutcome Outcome { get; init; }

    /// <summary>Gets the HTTP status code, when an answer arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets the response body (empty when none arrived).</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>Gets the response headers, when an answer arrived.</summary>
    public HttpResponseHeaders? Headers { get; init; }

    /// <summary>Gets what happened, for an admin (secrets removed).</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>Gets how long the service asked us to wait, if it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets when a spent quota resets, if known.</summary>
    public DateTimeOffset? ResetAt { get; init; }

    /// <summary>Gets a value indicating whether the call succeeded.</summary>
    public bool IsSuccess => Outcome == UpstreamOutcome.Success;
}
