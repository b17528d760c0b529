using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations;
using MediaBrowser.Controller.Entities.TV;
using MediaBrowser.Controller.Library;
using MediaBrowser.Controller.Providers;
using MediaBrowser.Model.Entities;
using Moq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

/// <summary>
/// The scan-time providers write what Aperture already has and queue what is due; they never call a source.
/// </summary>
public sealed class EnrichmentProviderTests : IDisposable
{
    private static readonly MetadataRefreshOptions Options = new(new Mock<IDirectoryService>().Object);
    private static readonly TmdbMetadata Tmdb = new("161", "tt0240772", new[] { "heist" }, "304", "Ocean's Collection", Array.Empty<CrewCredit>());
    private readonly EnrichmentHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task ANewItemIsQueuedWithoutCallingAnySourceEvenWhenTheyHang()
    {
        _host.Configure(IntegrationIds.Tmdb, IntegrationIds.MdbList, IntegrationIds.Omdb);
        _host.Tmdb.Hang = _host.MdbList.Hang = _host.Omdb.Hang = true;
        var movie = ItemMetadataWriterTests.NewMovie();

        var fetch = new MovieEnrichmentProvider(_host.ScanEnricher()).FetchAsync(movie, Options, CancellationToken.None);

        Assert.True(fetch.IsCompletedSuccessfully);
        Assert.Equal(ItemUpdateType.None, await fetch);
        Assert.Equal(0, _host.Tmdb.Calls + _host.MdbList.Calls + _host.Omdb.Calls);
        Assert.Contains(movie.Id, _host.Queue.GetAll());
    }

    [Fact]
    public async Task FreshCachedDataIsAppliedWithoutCallingAnySourceAndTheItemIsNotQueued()
    {
        _host.Configure(IntegrationIds.Tmdb, IntegrationIds.MdbList);
        var movie = ItemMetadataWriterTests.NewMovie();
        _host.Engine.Record(IntegrationIds.Tmdb, movie.Id, SourceResults.Found(Tmdb));
        _host.Engine.Record(IntegrationIds.MdbList, movie.Id, SourceResults.Found(new RatingsData(IntegrationIds.MdbList, 93, 87, 74, null)));
        var provider = new MovieEnrichmentProvider(_host.ScanEnricher());

        var update = await provider.FetchAsync(movie, Options, CancellationToken.None);

        Assert.Equal(0, _host.Tmdb.Calls + _host.MdbList.Calls + _host.Omdb.Calls);
        Assert.Equal(ItemUpdateType.MetadataDownload, update);
        Assert.Equal(93f, movie.CriticRating);
        Assert.Contains("heist", movie.Tags);
        Assert.Equal("Ocean's Collection", movie.TmdbCollectionName);
        Assert.Equal(0, _host.Queue.Count());
    }

    [Fact]
    public async Task StaleCachedDataIsWrittenAndTheItemQueuedForARefresh()
    {
        _host.Configure(IntegrationIds.Tmdb);
        var series = new Series { Id = Guid.NewGuid(), Name = "Chernobyl" };
        series.SetProviderId(MetadataProvider.Tvdb, "360893");
        _host.Engine.Record(IntegrationIds.Tmdb, series.Id, SourceResults.Found(Tmdb with { CollectionId = null, CollectionName = null }));
        _host.Host.Time.Advance(TimeSpan.FromDays(31));

        var update = await new SeriesEnrichmentProvider(_host.ScanEnricher()).FetchAsync(series, Options, CancellationToken.None);

        Assert.Equal(ItemUpdateType.MetadataDownload, update);
        Assert.Contains("heist", series.Tags);
        Assert.Equal(0, _host.Tmdb.Calls);
        Assert.Contains(series.Id, _host.Queue.GetAll());
    }

    [Fact]
    public async Task WithNoServiceConfiguredNothingIsQueued()
    {
        var update = await new MovieEnrichmentProvider(_host.ScanEnricher()).FetchAsync(ItemMetadataWriterTests.NewMovie(), Options, CancellationToken.None);

        Assert.Equal(ItemUpdateType.None, update);
        Assert.Equal(0, _host.Queue.Count());
    }

    [Fact]
    public async Task AStoredPayloadThatNoLongerParsesNeverFailsTheRefresh()
    {
        _host.Configure(IntegrationIds.Tmdb);
        var movie = ItemMetadataWriterTests.NewMovie();
        var now = _host.Host.Time.GetUtcNow();
        _host.Store.Save(new EnrichmentState(movie.Id, IntegrationIds.Tmdb, EnrichmentStatus.Fetched, 0, now, now.AddDays(30), null, "{not json"), now);

        var update = await new MovieEnrichmentProvider(_host.ScanEnricher()).FetchAsync(movie, Options, CancellationToken.None);

        Assert.Equal(ItemUpdateType.None, update);
        Assert.Contains("the next enrichment run retries it", _host.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotSwallowed()
    {
        _host.Configure(IntegrationIds.Tmdb);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new MovieEnrichmentProvider(_host.ScanEnricher()).FetchAsync(ItemMetadataWriterTests.NewMovie(), Options, cts.Token));
    }

    [Fact]
    public async Task ALockedItemIsNotEnrichedAtAll()
    {
        _host.Configure(IntegrationIds.Tmdb);
        var movie = ItemMetadataWriterTests.NewMovie();
        movie.IsLocked = true;

        var update = await new MovieEnrichmentProvider(_host.ScanEnricher()).FetchAsync(movie, Options, CancellationToken.None);

        Assert.Equal(ItemUpdateType.None, update);
        Assert.Equal(0, _host.Tmdb.Calls);
        Assert.Equal(0, _host.Queue.Count());
    }

    [Fact]
    public void TheProvidersAreNamedAperture()
    {
        Assert.Equal("Aperture", new MovieEnrichmentProvider(_host.ScanEnricher()).Name);
        Assert.Equal("Aperture", new SeriesEnrichmentProvider(_host.ScanEnricher()).Name);
    }
}
