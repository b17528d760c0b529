namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>
/// A settings store that keeps the settings in memory (tests, benchmarks).
/// </summary>
public sealed class InMemoryConfigurationStore : IPluginConfigurationStore
{
    /// <inheritdoc />
    public PluginConfiguration Current { get; private set; } = new();

    /// <inheritdoc />
    public void Save(PluginConfiguration configuration) => Current = configuration;
}
