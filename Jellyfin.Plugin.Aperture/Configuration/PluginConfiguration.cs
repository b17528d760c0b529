using System.Collections.ObjectModel;
using MediaBrowser.Model.Plugins;

namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>
/// Aperture's non-secret settings, stored by Jellyfin as XML. Keys and tokens are never stored here: they live
/// encrypted in the plugin database (see <c>Secrets/</c>).
/// </summary>
public class PluginConfiguration : BasePluginConfiguration
{
    /// <summary>
    /// Gets the per-integration settings (base URL and limits). An integration missing from this list uses
    /// its documented defaults.
    /// </summary>
    public Collection<IntegrationSettings> Integrations { get; } = new();

    /// <summary>Gets or sets what the metadata enrichment writes and how long its data stays fresh.</summary>
    public EnrichmentSettings Enrichment { get; set; } = new();
}
