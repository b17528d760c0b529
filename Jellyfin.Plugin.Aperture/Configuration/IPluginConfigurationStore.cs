namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>
/// Reads and saves Aperture's non-secret settings. In Jellyfin this is the plugin's XML configuration; tests use
/// an in-memory copy. Change settings through <see cref="ConfigurationUpdates.Update"/>, which saves a changed copy,
/// never by changing <see cref="Current"/> in place: readers hold it without a lock.
/// </summary>
public interface IPluginConfigurationStore
{
    /// <summary>Gets the current settings. Treat them as read-only.</summary>
    PluginConfiguration Current { get; }

    /// <summary>
    /// Saves new settings and makes them current (the previous object is left as it was).
    /// </summary>
    /// <param name="configuration">The settings to save.</param>
    void Save(PluginConfiguration configuration);
}
