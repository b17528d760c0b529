using System;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Enrichment;
using MediaBrowser.Controller.Library;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// The backfill's writer: loads the Jellyfin item, applies <see cref="ItemMetadataWriter"/>'s rules and saves the
/// item only when something changed, so an unchanged library causes no database writes and no metadata savers.
/// </summary>
public sealed class JellyfinEnrichmentApplier : IEnrichmentApplier
{
    private readonly ILibraryManager _libraryManager;
    private readonly IPluginConfigurationStore _configuration;
    private readonly ILogger<JellyfinEnrichmentApplier> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="JellyfinEnrichmentApplier"/> class.
    /// </summary>
    /// <param name="libraryManager">Jellyfin's library manager.</param>
    /// <param name="configuration">The settings.</param>
    /// <param name="logger">The logger.</param>
    public JellyfinEnrichmentApplier(ILibraryManager libraryManager, IPluginConfigurationStore configuration, ILogger<JellyfinEnrichmentApplier> logger)
    {
        _libraryManager = libraryManager;
        _configuration = configuration;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<bool> ApplyAsync(LibraryItem item, EnrichedItem data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(data);

        // The item may have been removed since the library was read.
        var baseItem = _libraryManager.GetItemById(item.Id);
        if (baseItem is null)
        {
            return false;
        }

        var settings = _configuration.Current.Enrichment ?? new EnrichmentSettings();
        var result = ItemMetadataWriter.Apply(baseItem, data, settings);
        if (result.Changed)
        {
            // MetadataEdit, as for an edit in the dashboard: Jellyfin saves the item and runs its metadata savers.
            await baseItem.UpdateToRepositoryAsync(ItemUpdateType.MetadataEdit, cancellationToken).ConfigureAwait(false);
            _logger.LogDebug("Aperture enrichment: {Name} updated ({Changes})", item.Name, string.Join(", ", result.Changes));
        }

        var crewAdded = await ItemMetadataWriter.MergeCrewAsync(_libraryManager, baseItem, data, settings, cancellationToken).ConfigureAwait(false);
        return result.Changed || crewAdded;
    }
}
