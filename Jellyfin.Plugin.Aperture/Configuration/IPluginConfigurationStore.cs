namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>
/// Reads and saves Aperture's non-secret settings. In Jellyfin this is the plugin's XML configuration; tests use
/// an in-memory copy.
/// </summary>
public interface IPluginConfigurationStore
{
    /// <summary>Gets the current settings.</summary>
    PluginConfiguration Current { get; }

    /// <summary>
    /// Saves the settings.
    /// </summary>
    /// <param name="configuration">The settings to save.</param>
    void Save(PluginConfiguration configuration);
}
