namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>
/// The highest (and lowest) value each number setting accepts. Above these a value stops meaning anything useful
/// and starts breaking things: a 1,000,000 s timeout overflows the resilience pipeline's limits, a rate of
/// 2,000,000,000 per window turns rate limiting off. The page should offer the same bounds.
/// </summary>
public static class SettingsBounds
{
    /// <summary>Most requests per rate-limit window.</summary>
    public const int MaxRequestsPerWindow = 100_000;

    /// <summary>Longest rate-limit window in seconds (a day).</summary>
    public const int MaxWindowSeconds = 86_400;

    /// <summary>Most write requests per second.</summary>
    public const int MaxWritesPerSecond = 100;

    /// <summary>Largest daily quota.</summary>
    public const int MaxDailyQuota = 10_000_000;

    /// <summary>Most requests in flight at once.</summary>
    public const int MaxConcurrency = 64;

    /// <summary>Longest per-attempt timeout in seconds.</summary>
    public const int MaxTimeoutSeconds = 300;

    /// <summary>Most days fetched data stays fresh, and a "not found" answer is trusted (ten years).</summary>
    public const int MaxDays = 3_650;

    /// <summary>Longest first retry delay in minutes (a day; the delay doubles up to a day anyway).</summary>
    public const int MaxRetryMinutes = 1_440;
}
