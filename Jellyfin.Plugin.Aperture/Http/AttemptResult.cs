namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// One attempt's classified answer and whether another attempt may help.
/// </summary>
/// <param name="Response">The classified answer.</param>
/// <param name="Retryable">True for a short rate limit or an outage seen on the network; never for an open
/// circuit, a parked service, a bad key or a bad answer.</param>
internal sealed record AttemptResult(UpstreamResponse Response, bool Retryable)
{
    /// <summary>
    /// Gets a value indicating whether the caller cancelled while the service, given long enough to answer, had not:
    /// the outcome is an outage for the circuit and for health, and the caller still gets its cancellation.
    /// </summary>
    public bool CallerGaveUp { get; init; }
}
