using System;

namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>
/// The settings store inside Jellyfin (and the dev host): the plugin's own XML configuration.
/// </summary>
public sealed class PluginConfigurationStore : IPluginConfigurationStore
{
    /// <inheritdoc />
    public PluginConfiguration Current => Plugin.Instance?.Configuration ?? new PluginConfiguration();

    /// <inheritdoc />
    public void Save(PluginConfiguration configuration)
    {
        var plugin = Plugin.Instance ?? throw new InvalidOperationException("The Aperture plugin is not loaded yet.");
        plugin.SaveConfiguration(configuration);
    }
}
