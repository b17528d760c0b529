using System;
using System.Linq;
using System.Net.Http;
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

public sealed class EnrichmentProviderTests : IDisposable
{
    private static readonly MetadataRefreshOptions Options = new(new Mock<IDirectoryService>().Object);
    private static readonly TmdbMetadata Tmdb = new("161", "tt0240772", new[] { "heist" }, "304", "Ocean's Collection", Array.Empty<CrewCredit>());
    private readonly EnrichmentHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task WhenASourceHangsTheScanMovesOnAndTheItemStaysDueForTheBackfill()
    {
        _host.Configure(IntegrationIds.Tmdb);
        _host.Tmdb.Hang = true;
        var movie = ItemMetadataWriterTests.NewMovie();
        var provider = new MovieEnrichmentProvider(_host.ScanEnricher());

        var fetch = provider.FetchAsync(movie, Options, CancellationToken.None);
        Assert.False(fetch.IsCompleted);
        _host.Host.Time.Advance(ScanEnricher.ScanTimeout);
        var update = await fetch;

        Assert.Equal(1, _host.Tmdb.Calls);
        Assert.Equal(ItemUpdateType.None, update);
        Assert.False(_host.Store.GetAll(movie.Id).ContainsKey(IntegrationIds.Tmdb));
        Assert.True(_host.Engine.IsDue(_host.Store.GetDueTimes(IntegrationIds.Tmdb), movie.Id));
    }

    [Fact]
    public async Task FreshCachedDataIsAppliedWithoutCallingAnySource()
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
    }

    [Fact]
    public async Task FetchedDataIsStoredAndWrittenDuringTheScan()
    {
        _host.Configure(IntegrationIds.Tmdb, IntegrationIds.MdbList);
        _host.Tmdb.Answer = SourceResults.Found(Tmdb with { CollectionId = null, CollectionName = null });
        _host.MdbList.Answer = SourceResults.Found(new RatingsData(IntegrationIds.MdbList, 98, null, null, null));
        var series = new Series { Id = Guid.NewGuid(), Name = "Chernobyl" };
        series.SetProviderId(MetadataProvider.Tvdb, "360893");

        var update = await new SeriesEnrichmentProvider(_host.ScanEnricher()).FetchAsync(series, Options, CancellationToken.None);

        Assert.Equal(ItemUpdateType.MetadataDownload, update);
        Assert.Equal(98f, series.CriticRating);
        Assert.Equal(new[] { IntegrationIds.MdbList, IntegrationIds.Tmdb }, _host.Store.GetAll(series.Id).Keys.Order());
    }

    [Fact]
    public async Task AnUpstreamExceptionNeverFailsTheRefresh()
    {
        _host.Configure(IntegrationIds.Tmdb);
        _host.Tmdb.Throw = new HttpRequestException("connection refused");
        var movie = ItemMetadataWriterTests.NewMovie();

        var update = await new MovieEnrichmentProvider(_host.ScanEnricher()).FetchAsync(movie, Options, CancellationToken.None);

        Assert.Equal(ItemUpdateType.None, update);
        Assert.Contains("left for the backfill task", _host.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotSwallowed()
    {
        _host.Configure(IntegrationIds.Tmdb);
        _host.Tmdb.Hang = true;
        using var cts = new CancellationTokenSource();
        var fetch = new MovieEnrichmentProvider(_host.ScanEnricher()).FetchAsync(ItemMetadataWriterTests.NewMovie(), Options, cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch);
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
    }

    [Fact]
    public void TheProvidersAreNamedAperture()
    {
        Assert.Equal("Aperture", new MovieEnrichmentProvider(_host.ScanEnricher()).Name);
        Assert.Equal("Aperture", new SeriesEnrichmentProvider(_host.ScanEnricher()).Name);
    }
}
