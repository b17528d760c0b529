using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// Fetches, one item at a time and in the background lane, the TMDb artwork a scan found missing from
/// <see cref="ArtworkCache"/>, keeps it there, and asks Jellyfin to fill the item's missing images from it. That
/// refresh finds the artwork in the cache, so it never queues the item again. The refresh is asked for only once no
/// scan runs: during a scan Jellyfin may still be refreshing the same new item, and two refreshes of one item race
/// to save its images.
/// </summary>
public sealed class ArtworkFetcher : BackgroundService
{
    /// <summary>
    /// How long one item's fetch may take, permit wait and retries included, so one stuck item cannot hold the queue.
    /// </summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How often, while refreshes wait for a scan to end, the fetcher looks whether it has.</summary>
    public static readonly TimeSpan ScanCheckInterval = TimeSpan.FromSeconds(5);

    // Touched only by the one fetch loop, so it needs no lock.
    private readonly HashSet<Guid> _refreshAfterScan = new();
    private readonly ILibraryScanState _scan;

    private readonly ArtworkBacklog _queue;
    private readonly ArtworkCache _cache;
    private readonly ITmdbImageSource _source;
    private readonly IImageRefreshRequester _refresher;
    private readonly TimeProvider _time;
    private readonly ILogger<ArtworkFetcher> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="ArtworkFetcher"/> class.
    /// </summary>
    /// <param name="queue">The items waiting.</param>
    /// <param name="cache">The artwork cache.</param>
    /// <param name="source">TMDb artwork.</param>
    /// <param name="refresher">Asks Jellyfin to fill missing images.</param>
    /// <param name="scan">Tells whether a library scan is running.</param>
    /// <param name="time">The clock (drives the time limit).</param>
    /// <param name="logger">The logger.</param>
    public ArtworkFetcher(ArtworkBacklog queue, ArtworkCache cache, ITmdbImageSource source, IImageRefreshRequester refresher, ILibraryScanState scan, TimeProvider time, ILogger<ArtworkFetcher> logger)
    {
        _scan = scan;
        _queue = queue;
        _cache = cache;
        _source = source;
        _refresher = refresher;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Fetches one item's artwork into the cache and, when TMDb has images for it, queues Jellyfin's refresh of its
    /// missing images (at once, or when the running scan ends).
    /// </summary>
    /// <param name="request">The item and language.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Whether TMDb had images, so an image refresh was asked for or waits for the scan's end.</returns>
    public async Task<bool> FetchAsync(ArtworkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Another path (the image picker, a single-item refresh) may have filled it while the item waited.
        if (_cache.TryGet(request.Item.Id, request.Language, out _))
        {
            return false;
        }

        using var timeout = new CancellationTokenSource(FetchTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        SourceResult<System.Collections.Generic.IReadOnlyList<ArtworkImage>> result;
        try
        {
            result = await _source.GetImagesAsync(request.Item, request.Language, RequestPriority.Background, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug("Aperture images: TMDb did not answer for {Name} in time; the next scan or refresh asks again", request.Item.Name);
            return false;
        }

        if (result.Outcome == UpstreamOutcome.NotFound)
        {
            // Kept as "no images", so refreshes of an item TMDb does not know stop asking until the entry expires.
            _cache.Set(request.Item.Id, request.Language, Array.Empty<ArtworkImage>());
            return false;
        }

        if (result.Outcome != UpstreamOutcome.Success || result.Value is null)
        {
            // Not kept: a failure is retried by the next scan or refresh that asks for the item.
            _logger.LogDebug("Aperture images: none for {Name} ({Outcome}: {Message})", request.Item.Name, result.Outcome, result.Message);
            return false;
        }

        _cache.Set(request.Item.Id, request.Language, result.Value);
        if (result.Value.Count == 0)
        {
            return false;
        }

        _refreshAfterScan.Add(request.Item.Id);
        _logger.LogDebug("Aperture images: {Count} TMDb images for {Name}; Jellyfin fills its missing images once no scan runs", result.Value.Count, request.Item.Name);
        RequestRefreshesIfNoScan();
        return true;
    }

    /// <summary>
    /// Asks Jellyfin for the image refreshes that wait, unless a scan runs.
    /// </summary>
    /// <returns>How many refreshes were asked for.</returns>
    public int RequestRefreshesIfNoScan()
    {
        if (_refreshAfterScan.Count == 0 || _scan.IsScanRunning)
        {
            return 0;
        }

        var count = _refreshAfterScan.Count;
        foreach (var itemId in _refreshAfterScan)
        {
            _refresher.QueueMissingImages(itemId);
        }

        _refreshAfterScan.Clear();
        return count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                RequestRefreshesIfNoScan();
                if (_queue.TryDequeue(out var request))
                {
                    await FetchAsync(request!, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                // Idle: wake for the next item, or, while refreshes wait for a scan to end, to look again.
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var waits = new List<Task> { _queue.WaitAsync(idle.Token) };
                if (_refreshAfterScan.Count > 0)
                {
                    waits.Add(Task.Delay(ScanCheckInterval, _time, idle.Token));
                }

                await Task.WhenAny(waits).ConfigureAwait(false);
                await idle.CancelAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The fetcher must keep serving the queue whatever one item throws.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning("Aperture images: a background artwork fetch failed ({Error})", ex.GetType().Name);
            }
        }
    }
}
