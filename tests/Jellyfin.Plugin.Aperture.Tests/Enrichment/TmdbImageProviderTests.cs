using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Library;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Model.Dto;
using MediaBrowser.Model.Entities;
using Microsoft.Extensions.Logging;
using Xunit;
using FaultMode = global::Aperture.Emulators.FaultMode;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

/// <summary>
/// The image provider offers TMDb artwork. Issue #8 point 1: during a library scan it answers only from the artwork
/// cache and never waits on TMDb; a miss is fetched in the background, which then has Jellyfin fill the item's
/// missing images. Outside a scan it keeps its bounded lookup.
/// </summary>
public sealed class TmdbImageProviderTests : IDisposable, IClassFixture<SourceEmulators>
{
    private readonly EnrichmentHost _host = new();
    private readonly SourceEmulators _emulators;
    private readonly FakeScanState _scan = new();
    private readonly FakeImageRefresher _refresher = new();
    private readonly ArtworkBacklog _backlog = new();

    public TmdbImageProviderTests(SourceEmulators emulators)
    {
        _emulators = emulators;
        emulators.Reset();
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task DuringAScanTheProviderAnswersAtOnceWithTmdbHangingAndQueuesTheItem()
    {
        using var real = new EmulatorEnrichmentHost(_emulators);
        _emulators.Tmdb.Mode = FaultMode.Timeout;
        _emulators.Tmdb.TimeoutHang = TimeSpan.FromSeconds(30);
        _scan.IsScanRunning = true;
        var cache = new ArtworkCache(real.Clock);
        var provider = NewProvider(real, cache);
        var movie = Matrix();

        var lookup = provider.GetImages(movie, CancellationToken.None);

        // Completed before anything could be awaited: the scan's refresh of this item never waits on TMDb.
        Assert.True(lookup.IsCompletedSuccessfully, "the image lookup during a scan waited on something");
        Assert.Empty(await lookup);
        Assert.Equal(0, _emulators.Tmdb.RequestCount);

        // Queued once, however many refreshes ask while it waits.
        Assert.Empty(await provider.GetImages(movie, CancellationToken.None));
        Assert.Equal(1, _backlog.Count);
        Assert.True(_backlog.TryDequeue(out var request));
        Assert.Equal((movie.Id, "en"), (request!.Item.Id, request.Language));
        Assert.Equal(0, _emulators.Tmdb.RequestCount);
    }

    [Fact]
    public async Task TheFetcherFillsTheCacheAndAsksForOneImageRefreshThenACacheHitAsksNothing()
    {
        using var real = new EmulatorEnrichmentHost(_emulators);
        _scan.IsScanRunning = true;
        var cache = new ArtworkCache(real.Clock);
        var provider = NewProvider(real, cache);
        var fetcher = new ArtworkFetcher(_backlog, cache, real.Get<ITmdbImageSource>(), _refresher, _scan, real.Clock, real.Get<ILogger<ArtworkFetcher>>());
        var movie = Matrix();
        Assert.Empty(await provider.GetImages(movie, CancellationToken.None));
        Assert.False(provider.HasChanged(movie, null!));
        Assert.True(_backlog.TryDequeue(out var request));

        Assert.True(await fetcher.FetchAsync(request!, CancellationToken.None));

        // Not while the scan runs (it may still be refreshing this new item), but as soon as it has ended.
        Assert.Empty(_refresher.Requested);
        Assert.Equal(0, fetcher.RequestRefreshesIfNoScan());
        _scan.IsScanRunning = false;
        Assert.Equal(1, fetcher.RequestRefreshesIfNoScan());
        Assert.Equal(new[] { movie.Id }, _refresher.Requested);
        Assert.Equal(0, fetcher.RequestRefreshesIfNoScan());
        var asked = _emulators.Tmdb.RequestCount;
        Assert.True(asked > 0);

        // The refresh Jellyfin then runs reaches the provider (the item lacks images the cache has) and is answered
        // from the cache, during a scan or not, so it neither asks TMDb nor queues the item again.
        _scan.IsScanRunning = true;
        Assert.True(provider.HasChanged(movie, null!));
        var duringScan = (await provider.GetImages(movie, CancellationToken.None)).ToList();
        _scan.IsScanRunning = false;
        var afterScan = (await provider.GetImages(movie, CancellationToken.None)).ToList();
        Assert.NotEmpty(duringScan);
        Assert.Contains(duringScan, i => i.Type == ImageType.Primary);
        Assert.Equal(duringScan.Select(i => i.Url), afterScan.Select(i => i.Url));
        Assert.Equal(asked, _emulators.Tmdb.RequestCount);
        Assert.Equal(0, _backlog.Count);
        Assert.Single(_refresher.Requested);

        // An item that waited twice (two languages asked, or a refresh while it waited) is fetched once.
        Assert.False(await fetcher.FetchAsync(request!, CancellationToken.None));
        Assert.Single(_refresher.Requested);
        Assert.Equal(asked, _emulators.Tmdb.RequestCount);
    }

    [Fact]
    public async Task AFailedOrEmptyBackgroundFetchAsksForNoRefresh()
    {
        _host.Configure(IntegrationIds.Tmdb);
        var cache = new ArtworkCache(_host.Host.Time);
        var fetcher = new ArtworkFetcher(_backlog, cache, _host.Images, _refresher, _scan, _host.Host.Time, _host.Host.Get<ILogger<ArtworkFetcher>>());
        var item = LibraryItemReader.ToLibraryItem(ItemMetadataWriterTests.NewMovie())!;

        _host.Images.Answer = new SourceResult<IReadOnlyList<ArtworkImage>>(UpstreamOutcome.Outage, null, "circuit open");
        Assert.False(await fetcher.FetchAsync(new ArtworkRequest(item, "en"), CancellationToken.None));
        Assert.False(cache.TryGet(item.Id, "en", out _));

        _host.Images.Answer = SourceResults.Found<IReadOnlyList<ArtworkImage>>(Array.Empty<ArtworkImage>());
        Assert.False(await fetcher.FetchAsync(new ArtworkRequest(item, "en"), CancellationToken.None));
        Assert.True(cache.TryGet(item.Id, "en", out var none));
        Assert.Empty(none);
        Assert.Empty(_refresher.Requested);
    }

    [Fact]
    public async Task OutsideAScanTheLookupAsksTmdbWithinItsTimeLimitAndKeepsTheAnswer()
    {
        _host.Configure(IntegrationIds.Tmdb);
        var cache = new ArtworkCache(_host.Host.Time);
        var provider = NewProvider(cache);
        var movie = ItemMetadataWriterTests.NewMovie();
        movie.PreferredMetadataLanguage = "en";
        _host.Images.Hang = true;

        var lookup = provider.GetImages(movie, CancellationToken.None);
        _host.Host.Time.Advance(TmdbImageProvider.LookupTimeout);

        Assert.Empty(await lookup);
        Assert.Equal(1, _host.Images.Calls);
        Assert.Equal(0, _backlog.Count);

        _host.Images.Hang = false;
        _host.Images.Answer = SourceResults.Found<IReadOnlyList<ArtworkImage>>(new[]
        {
            new ArtworkImage(RemoteImageKind.Poster, "https://image.tmdb.org/t/p/original/p.jpg", "https://image.tmdb.org/t/p/w500/p.jpg", "en", 2000, 3000, 5.4, 12),
        });
        Assert.Single(await provider.GetImages(movie, CancellationToken.None));
        Assert.Single(await provider.GetImages(movie, CancellationToken.None));
        Assert.Equal(2, _host.Images.Calls);
    }

    [Fact]
    public void TheCacheIsBoundedAndExpires()
    {
        var time = _host.Host.Time;
        var cache = new ArtworkCache(time);
        var first = Guid.NewGuid();
        cache.Set(first, "en", Array.Empty<ArtworkImage>());
        for (var i = 0; i < ArtworkCache.Capacity; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            cache.Set(Guid.NewGuid(), "en", Array.Empty<ArtworkImage>());
        }

        Assert.Equal(ArtworkCache.Capacity, cache.Count);
        Assert.False(cache.TryGet(first, "en", out _));

        var last = Guid.NewGuid();
        cache.Set(last, "de", Array.Empty<ArtworkImage>());
        Assert.True(cache.TryGet(last, "de", out _));
        Assert.False(cache.TryGet(last, "en", out _));
        time.Advance(ArtworkCache.Expiry);
        Assert.False(cache.TryGet(last, "de", out _));
    }

    [Fact]
    public async Task TmdbImagesAreMappedInTheItemsLanguage()
    {
        _host.Configure(IntegrationIds.Tmdb);
        _host.Images.Answer = SourceResults.Found<IReadOnlyList<ArtworkImage>>(new[]
        {
            new ArtworkImage(RemoteImageKind.Poster, "https://image.tmdb.org/t/p/original/p.jpg", "https://image.tmdb.org/t/p/w500/p.jpg", "de", 2000, 3000, 5.4, 12),
            new ArtworkImage(RemoteImageKind.Backdrop, "https://image.tmdb.org/t/p/original/b.jpg", "https://image.tmdb.org/t/p/w780/b.jpg", null, 3840, 2160, 5.2, 8),
            new ArtworkImage(RemoteImageKind.Logo, "https://image.tmdb.org/t/p/original/l.png", "https://image.tmdb.org/t/p/w300/l.png", "de", 800, 300, 0, 0),
        });
        var movie = ItemMetadataWriterTests.NewMovie();
        movie.PreferredMetadataLanguage = "de-DE";
        var provider = NewProvider();

        var images = (await provider.GetImages(movie, CancellationToken.None)).ToList();

        Assert.Equal("de", _host.Images.Language);
        Assert.Equal(new[] { ImageType.Primary, ImageType.Backdrop, ImageType.Logo }, images.Select(i => i.Type));
        var poster = images[0];
        Assert.Equal("Aperture (TMDb)", poster.ProviderName);
        Assert.Equal("https://image.tmdb.org/t/p/original/p.jpg", poster.Url);
        Assert.Equal("https://image.tmdb.org/t/p/w500/p.jpg", poster.ThumbnailUrl);
        Assert.Equal(("de", 2000, 3000, 5.4, 12), (poster.Language, poster.Width!.Value, poster.Height!.Value, poster.CommunityRating!.Value, poster.VoteCount!.Value));
        Assert.Equal(RatingType.Score, poster.RatingType);
        Assert.Null(images[1].Language);
        Assert.True(provider.Supports(movie));
        Assert.False(provider.Supports(new Video()));
        Assert.Equal(new[] { ImageType.Primary, ImageType.Backdrop, ImageType.Logo }, provider.GetSupportedImages(movie));
    }

    [Fact]
    public async Task AFailingOrThrowingSourceGivesNoImages()
    {
        _host.Configure(IntegrationIds.Tmdb);
        var provider = NewProvider();
        var movie = ItemMetadataWriterTests.NewMovie();

        // Outside a server Jellyfin's language fallback (library options, server configuration) is not wired up.
        movie.PreferredMetadataLanguage = "en";
        _host.Images.Answer = new SourceResult<IReadOnlyList<ArtworkImage>>(UpstreamOutcome.Outage, null, "circuit open");
        Assert.Empty(await provider.GetImages(movie, CancellationToken.None));

        _host.Images.Throw = new HttpRequestException("connection reset");
        Assert.Empty(await provider.GetImages(movie, CancellationToken.None));
    }

    [Fact]
    public async Task WithoutATmdbKeyOrWithImagesOffTheSourceIsNotAsked()
    {
        var provider = NewProvider();
        Assert.Empty(await provider.GetImages(ItemMetadataWriterTests.NewMovie(), CancellationToken.None));

        _host.Configure(IntegrationIds.Tmdb);
        _host.Host.Configuration.Current.Enrichment = new EnrichmentSettings { Images = false };
        Assert.Empty(await provider.GetImages(ItemMetadataWriterTests.NewMovie(), CancellationToken.None));

        Assert.Equal(0, _host.Images.Calls);
    }

    private static Movie Matrix()
    {
        var movie = new Movie { Id = Guid.NewGuid(), Name = "The Matrix", ProductionYear = 1999, PreferredMetadataLanguage = "en" };
        movie.SetProviderId(MetadataProvider.Tmdb, "603");
        return movie;
    }

    private TmdbImageProvider NewProvider(ArtworkCache? cache = null) => new(
        _host.Images,
        _host.Host.Get<IntegrationStatusService>(),
        _host.Host.Configuration,
        _host.Host.Get<IHttpClientFactory>(),
        cache ?? new ArtworkCache(_host.Host.Time),
        _backlog,
        _scan,
        _host.Host.Time,
        _host.Host.Get<ILogger<TmdbImageProvider>>());

    // The real TMDb image source and pipeline, pointed at the emulator.
    private TmdbImageProvider NewProvider(EmulatorEnrichmentHost real, ArtworkCache cache) => new(
        real.Get<ITmdbImageSource>(),
        real.Get<IntegrationStatusService>(),
        real.Configuration,
        real.Get<IHttpClientFactory>(),
        cache,
        _backlog,
        _scan,
        real.Clock,
        real.Get<ILogger<TmdbImageProvider>>());

    private sealed class FakeScanState : ILibraryScanState
    {
        public bool IsScanRunning { get; set; }
    }

    private sealed class FakeImageRefresher : IImageRefreshRequester
    {
        public List<Guid> Requested { get; } = new();

        public void QueueMissingImages(Guid itemId) => Requested.Add(itemId);
    }
}
