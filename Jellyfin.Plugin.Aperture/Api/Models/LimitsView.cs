namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>The effective request limits of an integration.</summary>
public sealed class LimitsView
{
    /// <summary>Gets the requests allowed per window.</summary>
    public int RequestsPerWindow { get; init; }

    /// <summary>Gets the window length in seconds.</summary>
    public int WindowSeconds { get; init; }

    /// <summary>Gets the writes allowed per second (0: none separate).</summary>
    public int WritesPerSecond { get; init; }

    /// <summary>Gets the daily quota (0: none).</summary>
    public int DailyQuota { get; init; }

    /// <summary>Gets the maximum requests in flight.</summary>
    public int MaxConcurrency { get; init; }

    /// <summary>Gets the per-attempt timeout in seconds.</summary>
    public int TimeoutSeconds { get; init; }
}
