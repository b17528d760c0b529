namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>The kinds of alert; at most one is open per integration and kind.</summary>
public enum AlertKind
{
    /// <summary>The key or token was refused (severity Error).</summary>
    Authentication,

    /// <summary>The service kept answering "too many requests" (severity Warning).</summary>
    RateLimit,

    /// <summary>A daily quota or account limit is spent (severity Warning).</summary>
    Quota,

    /// <summary>The service is down or timing out (severity Info: Aperture retries on its own).</summary>
    Outage,

    /// <summary>The service answered something unreadable, such as a proxy's login page (severity Warning).</summary>
    BadResponse,

    /// <summary>The user's Trakt account is over a limit (watchlist or list size, locked or VIP-only).</summary>
    AccountLimit,
}
