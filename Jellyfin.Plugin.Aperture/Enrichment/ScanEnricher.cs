using System;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Library;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Library;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// The work of the movie and series metadata providers during a library scan or refresh: fetch what is due within
/// a short time limit, then write the merged data onto the item Jellyfin is refreshing.
/// </summary>
/// <remarks>
/// People (extra crew) are not written here. Jellyfin saves the refresh's own people list after the custom
/// providers have run, so a people write from inside the provider would be overwritten, or would race with that
/// save. The backfill task (<see cref="JellyfinEnrichmentApplier"/>) merges crew outside the refresh instead.
/// </remarks>
public sealed class ScanEnricher
{
    private readonly EnrichmentEngine _engine;
    private readonly TimeProvider _time;
    private readonly ILogger<ScanEnricher> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="ScanEnricher"/> class.
    /// </summary>
    /// <param name="engine">The enrichment engine.</param>
    /// <param name="time">The clock (drives the scan timeout).</param>
    /// <param name="logger">The logger.</param>
    public ScanEnricher(EnrichmentEngine engine, TimeProvider time, ILogger<ScanEnricher> logger)
    {
        _engine = engine;
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets how long a scan waits for the services per item.</summary>
    public static TimeSpan ScanTimeout { get; } = TimeSpan.FromSeconds(EnrichmentSettings.ScanTimeoutSeconds);

    /// <summary>
    /// Enriches the item being refreshed. Never throws for an upstream problem.
    /// </summary>
    /// <param name="item">The Jellyfin item (changed in memory; Jellyfin saves it).</param>
    /// <param name="cancellationToken">The refresh's cancellation token.</param>
    /// <returns>What changed, for Jellyfin's refresh result.</returns>
    public async Task<ItemUpdateType> EnrichAsync(BaseItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var libraryItem = LibraryItemReader.ToLibraryItem(item);
        if (libraryItem is null || item.IsLocked)
        {
            return ItemUpdateType.None;
        }

        await FetchDueAsync(libraryItem, cancellationToken).ConfigureAwait(false);

        // Whatever is stored now (fresh from this call, or cached from earlier runs) is written.
        var result = ItemMetadataWriter.Apply(item, _engine.GetMerged(item.Id), _engine.Settings);
        if (result.Changed)
        {
            _logger.LogDebug("Aperture enrichment: {Name} updated during refresh ({Changes})", libraryItem.Name, string.Join(", ", result.Changes));
        }

        return result.UpdateType;
    }

    private async Task FetchDueAsync(LibraryItem item, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ScanTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // Interactive: someone is waiting for this scan. A step cut off by the timeout saves nothing, so the
            // item stays due and the backfill task picks it up.
            await _engine.EnrichAsync(item, RequestPriority.Interactive, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug("Aperture enrichment: {Name} took longer than {Seconds} s during the scan; left for the backfill task", item.Name, EnrichmentSettings.ScanTimeoutSeconds);
        }
#pragma warning disable CA1031 // A provider must never fail Jellyfin's refresh for an upstream or storage problem.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            _logger.LogWarning("Aperture enrichment: {Name} could not be enriched during the scan ({Error}); left for the backfill task", item.Name, ex.GetType().Name);
        }
    }
}
