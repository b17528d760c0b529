namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>How an upstream call ended, after reading the status code and the body.</summary>
public enum UpstreamOutcome
{
    /// <summary>The service answered with data.</summary>
    Success,

    /// <summary>The service has no such item (a normal answer, cached as a negative result).</summary>
    NotFound,

    /// <summary>The key, token or client id was refused.</summary>
    Authentication,

    /// <summary>Too many requests in a short window; the service will answer again soon.</summary>
    RateLimited,

    /// <summary>A daily quota or account limit is spent; the service is parked until its reset.</summary>
    QuotaExhausted,

    /// <summary>The service is down, timed out or answered with a server error, or its circuit is open.</summary>
    Outage,

    /// <summary>The service answered something that cannot be read (HTML, broken JSON, a redirect to a login).</summary>
    BadResponse,

    /// <summary>
    /// One user's account is over a limit of its own (Trakt: 420 list or watchlist too big, 423 locked, 426 VIP only):
    /// that call is refused while the service works for everyone else, so it is neither retried nor parks the service.
    /// </summary>
    AccountLimit,
}
