using System;

namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>
/// The settings store inside Jellyfin: the plugin's own XML configuration.
/// </summary>
public sealed class PluginConfigurationStore : IPluginConfigurationStore
{
    /// <inheritdoc />
    public PluginConfiguration Current => Plugin.Instance?.Configuration ?? new PluginConfiguration();

    /// <inheritdoc />
    public void Save(PluginConfiguration configuration)
    {
        var plugin = Plugin.Instance ?? throw new InvalidOperationException("The Aperture plugin is not loaded yet.");

        // UpdateConfiguration swaps the new object in and writes it. SaveConfiguration(config) would only write the
        // file and leave Jellyfin holding the old object, so a saved copy would never be seen.
        plugin.UpdateConfiguration(configuration);
    }
}
