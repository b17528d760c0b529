using System;
using System.Threading;

namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>
/// A settings store that keeps the settings in memory (tests, benchmarks).
/// </summary>
public sealed class InMemoryConfigurationStore : IPluginConfigurationStore
{
    private PluginConfiguration _current = new();

    /// <inheritdoc />
    public PluginConfiguration Current => Volatile.Read(ref _current);

    /// <inheritdoc />
    public void Save(PluginConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Volatile.Write(ref _current, configuration);
    }
}
