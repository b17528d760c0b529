using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Library;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Providers;
using MediaBrowser.Model.Dto;
using MediaBrowser.Model.Entities;
using MediaBrowser.Model.Providers;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// Offers TMDb posters, backdrops and logos through the admin's own TMDb key, in the item's metadata language
/// first. Like every Jellyfin image provider it is enabled per library; it returns nothing (and never throws) when
/// TMDb is not set up or does not answer. During a library scan it answers only from <see cref="ArtworkCache"/> and
/// queues a miss for <see cref="ArtworkFetcher"/>, so a scan never waits on TMDb; elsewhere (the image picker, a
/// single-item refresh) it asks TMDb, bounded by <see cref="LookupTimeout"/>, when the cache has nothing.
/// </summary>
public class TmdbImageProvider : IRemoteImageProvider, IHasOrder, IHasItemChangeMonitor
{
    /// <summary>The name of the HTTP client that downloads the images.</summary>
    public const string HttpClientName = "Aperture.Images";

    private static readonly ImageType[] _supported = [ImageType.Primary, ImageType.Backdrop, ImageType.Logo];
    private readonly ITmdbImageSource _source;
    private readonly IntegrationStatusService _status;
    private readonly IPluginConfigurationStore _configuration;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ArtworkCache _cache;
    private readonly ArtworkBacklog _queue;
    private readonly ILibraryScanState _scan;
    private readonly TimeProvider _time;
    private readonly ILogger<TmdbImageProvider> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="TmdbImageProvider"/> class.
    /// </summary>
    /// <param name="source">TMDb artwork.</param>
    /// <param name="status">Tells whether TMDb is set up.</param>
    /// <param name="configuration">The settings.</param>
    /// <param name="httpClientFactory">The HTTP client factory.</param>
    /// <param name="cache">The artwork already fetched.</param>
    /// <param name="queue">The items waiting for a background fetch.</param>
    /// <param name="scan">Tells whether a library scan is running.</param>
    /// <param name="time">The clock (drives the time limit).</param>
    /// <param name="logger">The logger.</param>
    public TmdbImageProvider(ITmdbImageSource source, IntegrationStatusService status, IPluginConfigurationStore configuration, IHttpClientFactory httpClientFactory, ArtworkCache cache, ArtworkBacklog queue, ILibraryScanState scan, TimeProvider time, ILogger<TmdbImageProvider> logger)
    {
        _source = source;
        _status = status;
        _configuration = configuration;
        _httpClientFactory = httpClientFactory;
        _cache = cache;
        _queue = queue;
        _scan = scan;
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets how long one image download may take before Jellyfin gets an error instead of a stalled refresh.</summary>
    public static TimeSpan DownloadTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how long the image lookup waits for TMDb before it offers no images.</summary>
    public static TimeSpan LookupTimeout { get; } = TimeSpan.FromSeconds(EnrichmentSettings.ImageLookupTimeoutSeconds);

    /// <inheritdoc />
    public string Name => "Aperture (TMDb)";

    /// <summary>
    /// Gets the order: after Jellyfin's own TheMovieDb images (order 0), so enabling Aperture does not change which
    /// image a library picks by default, and before OMDb's (order 90).
    /// </summary>
    public int Order => 10;

    /// <inheritdoc />
    public bool Supports(BaseItem item) => item is not null && LibraryItemReader.ToLibraryItem(item) is not null;

    /// <inheritdoc />
    public IEnumerable<ImageType> GetSupportedImages(BaseItem item) => _supported;

    /// <inheritdoc />
    public async Task<IEnumerable<RemoteImageInfo>> GetImages(BaseItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var settings = _configuration.Current.Enrichment ?? new EnrichmentSettings();
        var libraryItem = LibraryItemReader.ToLibraryItem(item);
        if (!settings.Images || libraryItem is null || !libraryItem.HasAnyId || !_status.IsConfigured(IntegrationIds.Tmdb))
        {
            return Array.Empty<RemoteImageInfo>();
        }

        var language = Language(item, settings);
        if (_cache.TryGet(item.Id, language, out var cached))
        {
            return cached.Select(ToRemoteImageInfo).ToList();
        }

        if (_scan.IsScanRunning)
        {
            // A scan refreshes every new item in turn: waiting on TMDb here would make the whole scan wait. The
            // fetcher fetches in the background and then has Jellyfin fill only the images the item still lacks.
            if (_queue.TryEnqueue(new ArtworkRequest(libraryItem, language)))
            {
                _logger.LogDebug("Aperture images: {Name} queued for a background fetch (a scan is running)", libraryItem.Name);
            }

            return Array.Empty<RemoteImageInfo>();
        }

        using var timeout = new CancellationTokenSource(LookupTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var result = await _source.GetImagesAsync(libraryItem, language, RequestPriority.Interactive, linked.Token).ConfigureAwait(false);
            if (result.Outcome != UpstreamOutcome.Success || result.Value is null)
            {
                _logger.LogDebug("Aperture images: none for {Name} ({Outcome}: {Message})", libraryItem.Name, result.Outcome, result.Message);
                return Array.Empty<RemoteImageInfo>();
            }

            _cache.Set(item.Id, language, result.Value);
            return result.Value.Select(ToRemoteImageInfo).ToList();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug("Aperture images: TMDb did not answer for {Name} in time", libraryItem.Name);
            return Array.Empty<RemoteImageInfo>();
        }
#pragma warning disable CA1031 // An image provider must never fail Jellyfin's refresh for an upstream problem.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            _logger.LogWarning("Aperture images: TMDb images for {Name} failed ({Error})", libraryItem.Name, ex.GetType().Name);
            return Array.Empty<RemoteImageInfo>();
        }
    }

    /// <summary>
    /// Tells Jellyfin's refresh to run this provider again when the cache holds artwork of a kind the item lacks. A
    /// refresh that fills missing images (<c>ImageRefreshMode.Default</c>) runs only the image providers that report
    /// a change once an item has been refreshed before, and the background fetch relies on that.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="directoryService">Jellyfin's directory service (not used: nothing here is on disk).</param>
    /// <returns>Whether cached artwork could fill a missing image.</returns>
    public bool HasChanged(BaseItem item, IDirectoryService directoryService)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_cache.Count == 0 || LibraryItemReader.ToLibraryItem(item) is null)
        {
            return false;
        }

        var settings = _configuration.Current.Enrichment ?? new EnrichmentSettings();
        return settings.Images
            && _cache.TryGet(item.Id, Language(item, settings), out var cached)
            && cached.Any(image => !item.HasImage(ToImageType(image.Kind)));
    }

    /// <inheritdoc />
    public Task<HttpResponseMessage> GetImageResponse(string url, CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(HttpClientName);
        return client.GetAsync(new Uri(url), cancellationToken);
    }

    /// <summary>
    /// Maps a TMDb image to what Jellyfin's image picker shows.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <returns>Jellyfin's image info.</returns>
    public static RemoteImageInfo ToRemoteImageInfo(ArtworkImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new RemoteImageInfo
        {
            ProviderName = "Aperture (TMDb)",
            Type = ToImageType(image.Kind),
            Url = image.Url,
            ThumbnailUrl = image.ThumbnailUrl,
            Language = image.Language,
            Width = image.Width,
            Height = image.Height,
            CommunityRating = image.CommunityRating,
            VoteCount = image.VoteCount,
            RatingType = RatingType.Score,
        };
    }

    private static ImageType ToImageType(RemoteImageKind kind) => kind switch
    {
        RemoteImageKind.Backdrop => ImageType.Backdrop,
        RemoteImageKind.Logo => ImageType.Logo,
        _ => ImageType.Primary,
    };

    // The library's (or item's) metadata language, as Jellyfin resolves it, reduced to ISO 639-1 ("pt-BR" -> "pt")
    // because TMDb tags images by language only; the admin's image language is the fallback.
    private static string Language(BaseItem item, EnrichmentSettings settings)
    {
        var language = item.GetPreferredMetadataLanguage();
        if (string.IsNullOrWhiteSpace(language))
        {
            language = settings.ImageLanguage;
        }

        if (string.IsNullOrWhiteSpace(language))
        {
            return "en";
        }

        var dash = language.IndexOf('-', StringComparison.Ordinal);
        return (dash > 0 ? language[..dash] : language).Trim().ToLowerInvariant();
    }
}
