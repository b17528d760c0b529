using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>Body of PUT /Aperture/Integrations/{id}/Settings. Null means "use the default".</summary>
public sealed class SettingsRequest
{
    /// <summary>Gets or sets the base URL (http or https).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Gets or sets the requests allowed per window.</summary>
    public int? RequestsPerWindow { get; set; }

    /// <summary>Gets or sets the window length in seconds.</summary>
    public int? WindowSeconds { get; set; }

    /// <summary>Gets or sets the writes allowed per second.</summary>
    public int? WritesPerSecond { get; set; }

    /// <summary>Gets or sets the daily quota (0: none).</summary>
    public int? DailyQuota { get; set; }

    /// <summary>Gets or sets the maximum requests in flight.</summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>Gets or sets the per-attempt timeout in seconds.</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>Gets service-specific options by name.</summary>
    public Dictionary<string, string>? Options { get; init; }

    /// <summary>
    /// Gets credential values to save with these settings, by field name. A new base URL needs them: a saved key is
    /// only ever sent to the address it was saved for.
    /// </summary>
    public Dictionary<string, string>? Fields { get; init; }
}
