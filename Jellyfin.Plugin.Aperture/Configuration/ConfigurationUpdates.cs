using System;
using System.Threading;

namespace Jellyfin.Plugin.Aperture.Configuration;

/// <summary>
/// The one way Aperture changes its settings: copy the current settings, change the copy, save it, then swap it
/// in. A reader holding the previous settings never sees a collection change under it, and two saves (of an
/// integration and of the enrichment, say) never undo each other.
/// </summary>
public static class ConfigurationUpdates
{
    // One plugin configuration per process; tests that build several in-memory stores merely share the lock.
    private static readonly Lock _gate = new();

    /// <summary>
    /// Changes a copy of the settings and saves it, unless the change refuses.
    /// </summary>
    /// <param name="store">The settings store.</param>
    /// <param name="change">Changes the copy; returns why it refuses (nothing is saved then), or null to save.</param>
    /// <returns>Null when saved, or the refusal.</returns>
    public static string? Update(this IPluginConfigurationStore store, Func<PluginConfiguration, string?> change)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var copy = Copy(store.Current);
            var problem = change(copy);
            if (problem is null)
            {
                store.Save(copy);
            }

            return problem;
        }
    }

    /// <summary>
    /// Makes a deep copy of the settings.
    /// </summary>
    /// <param name="configuration">The settings.</param>
    /// <returns>The copy.</returns>
    public static PluginConfiguration Copy(PluginConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var copy = new PluginConfiguration { Enrichment = configuration.Enrichment?.Clone() ?? new EnrichmentSettings() };
        foreach (var integration in configuration.Integrations)
        {
            copy.Integrations.Add(integration.Clone());
        }

        return copy;
    }
}
