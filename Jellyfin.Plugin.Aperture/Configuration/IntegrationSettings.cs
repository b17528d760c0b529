using System.Collections.ObjectModel;

namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>
/// Non-secret settings of one integration. A null value means "use the integration's documented default".
/// </summary>
public class IntegrationSettings
{
    /// <summary>Gets or sets the integration id (tmdb, omdb, trakt, mdblist, seerr, ai).</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the base URL override (http or https).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Gets or sets the number of requests allowed per <see cref="WindowSeconds"/>.</summary>
    public int? RequestsPerWindow { get; set; }

    /// <summary>Gets or sets the length of the rate-limit window in seconds.</summary>
    public int? WindowSeconds { get; set; }

    /// <summary>Gets or sets the number of write requests allowed per second (Trakt).</summary>
    public int? WritesPerSecond { get; set; }

    /// <summary>Gets or sets the daily request quota; 0 means no daily quota.</summary>
    public int? DailyQuota { get; set; }

    /// <summary>Gets or sets the maximum number of requests in flight at once.</summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>Gets or sets the per-attempt timeout in seconds.</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>Gets the service-specific options (for example the AI provider's models).</summary>
    public Collection<IntegrationOption> Options { get; } = new();

    /// <summary>
    /// Makes a deep copy.
    /// </summary>
    /// <returns>The copy.</returns>
    public IntegrationSettings Clone()
    {
        var copy = new IntegrationSettings
        {
            Id = Id,
            BaseUrl = BaseUrl,
            RequestsPerWindow = RequestsPerWindow,
            WindowSeconds = WindowSeconds,
            WritesPerSecond = WritesPerSecond,
            DailyQuota = DailyQuota,
            MaxConcurrency = MaxConcurrency,
            TimeoutSeconds = TimeoutSeconds,
        };
        foreach (var option in Options)
        {
            copy.Options.Add(new IntegrationOption { Name = option.Name, Value = option.Value });
        }

        return copy;
    }
}
