namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// One attempt's classified answer and whether another attempt may help.
/// </summary>
/// <param name="Response">The classified answer.</param>
/// <param name="Retryable">True for a short rate limit or an outage seen on the network; never for an open
/// circuit, a parked service, a bad key or a bad answer.</param>
internal sealed record AttemptResult(UpstreamResponse Response, bool Retryable);
