using System;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Library;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Library;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// The work of the movie and series metadata providers during a library scan or refresh: write what Aperture
/// already has onto the item Jellyfin is refreshing, and queue the item when a service has new or stale data for
/// it. It never calls a service: <see cref="EnrichAfterScanTask"/> starts the background run that fetches the
/// queued items right after the scan, so a slow, hanging or refusing service can never slow a scan down.
/// </summary>
/// <remarks>
/// People (extra crew) are not written here. Jellyfin saves the refresh's own people list after the custom
/// providers have run, so a people write from inside the provider would be overwritten, or would race with that
/// save. The background run (<see cref="JellyfinEnrichmentApplier"/>) merges crew outside the refresh instead.
/// </remarks>
public sealed class ScanEnricher
{
    private readonly EnrichmentEngine _engine;
    private readonly EnrichmentQueueStore _queue;
    private readonly TimeProvider _time;
    private readonly ILogger<ScanEnricher> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="ScanEnricher"/> class.
    /// </summary>
    /// <param name="engine">The enrichment engine (used for its stored data only).</param>
    /// <param name="queue">The queue the post-scan step works through.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public ScanEnricher(EnrichmentEngine engine, EnrichmentQueueStore queue, TimeProvider time, ILogger<ScanEnricher> logger)
    {
        _engine = engine;
        _queue = queue;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Writes stored data onto the item being refreshed and queues it when it is due. Completes synchronously: it
    /// reads and writes Aperture's local database only. Never throws for a storage problem.
    /// </summary>
    /// <param name="item">The Jellyfin item (changed in memory; Jellyfin saves it).</param>
    /// <param name="cancellationToken">The refresh's cancellation token.</param>
    /// <returns>What changed, for Jellyfin's refresh result.</returns>
    public Task<ItemUpdateType> EnrichAsync(BaseItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        cancellationToken.ThrowIfCancellationRequested();
        var libraryItem = LibraryItemReader.ToLibraryItem(item);
        if (libraryItem is null || item.IsLocked)
        {
            return Task.FromResult(ItemUpdateType.None);
        }

        return Task.FromResult(Enrich(item, libraryItem));
    }

    private ItemUpdateType Enrich(BaseItem item, LibraryItem libraryItem)
    {
        try
        {
            if (_engine.IsDueWithAnyService(libraryItem))
            {
                _queue.Add(libraryItem.Id, _time.GetUtcNow());
            }

            var result = ItemMetadataWriter.Apply(item, _engine.GetMerged(item.Id), _engine.Settings);
            if (result.Changed)
            {
                _logger.LogDebug("Aperture enrichment: {Name} updated from stored data during refresh ({Changes})", libraryItem.Name, string.Join(", ", result.Changes));
            }

            return result.UpdateType;
        }
#pragma warning disable CA1031 // A provider must never fail Jellyfin's refresh for a storage problem.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogWarning("Aperture enrichment: stored data for {Name} could not be applied during the refresh ({Error}); the next enrichment run retries it", libraryItem.Name, ex.GetType().Name);
            return ItemUpdateType.None;
        }
    }
}
