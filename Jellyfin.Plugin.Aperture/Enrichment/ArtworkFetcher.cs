using System;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// Fetches, one item at a time and in the background lane, the TMDb artwork a scan found missing from
/// <see cref="ArtworkCache"/>, keeps it there, and asks Jellyfin to fill the item's missing images from it. That
/// refresh finds the artwork in the cache, so it never queues the item again.
/// </summary>
public sealed class ArtworkFetcher : BackgroundService
{
    /// <summary>
    /// How long one item's fetch may take, permit wait and retries included, so one stuck item cannot hold the queue.
    /// </summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromMinutes(2);

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
    /// <param name="time">The clock (drives the time limit).</param>
    /// <param name="logger">The logger.</param>
    public ArtworkFetcher(ArtworkBacklog queue, ArtworkCache cache, ITmdbImageSource source, IImageRefreshRequester refresher, TimeProvider time, ILogger<ArtworkFetcher> logger)
    {
        _queue = queue;
        _cache = cache;
        _source = source;
        _refresher = refresher;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Fetches one item's artwork into the cache and, when TMDb has images for it, queues Jellyfin's refresh of its
    /// missing images.
    /// </summary>
    /// <param name="request">The item and language.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Whether an image refresh was requested.</returns>
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

        _refresher.QueueMissingImages(request.Item.Id);
        _logger.LogDebug("Aperture images: {Count} TMDb images for {Name}; Jellyfin fills its missing images", result.Value.Count, request.Item.Name);
        return true;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var request = await _queue.DequeueAsync(stoppingToken).ConfigureAwait(false);
                await FetchAsync(request, stoppingToken).ConfigureAwait(false);
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
