using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Entities;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment.Engine;

/// <summary>
/// A library scan while the services are down, through the real pipeline and circuit breaker: every item's
/// refresh completes, none is marked done, and once the circuit opens the scan stops sending requests at all.
/// </summary>
public sealed class ScanOutageTests : IClassFixture<SourceEmulators>
{
    private readonly SourceEmulators _emulators;

    public ScanOutageTests(SourceEmulators emulators)
    {
        _emulators = emulators;
        emulators.Reset();
    }

    [Fact]
    public async Task AnOutageDuringAScanReturnsAtOnceAndLeavesTheItemsForTheBackfill()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        foreach (var emulator in new ServiceEmulator[] { _emulators.Tmdb, _emulators.Omdb, _emulators.MdbList })
        {
            emulator.Mode = FaultMode.Outage;
        }

        var scan = new ScanEnricher(host.Get<EnrichmentEngine>(), host.Time, host.Get<ILogger<ScanEnricher>>());
        var movies = Enumerable.Range(1, 20).Select(NewMovie).ToList();
        var requestsAfter = new int[movies.Count];

        for (var i = 0; i < movies.Count; i++)
        {
            var update = await scan.EnrichAsync(movies[i], CancellationToken.None);
            Assert.Equal(ItemUpdateType.None, update);
            requestsAfter[i] = _emulators.TotalRequests;
        }

        // The first refreshes did try the services (and got the outage)...
        Assert.True(requestsAfter[0] > 0);

        // ...each service's circuit opens after a handful of failures; from then on a refresh sends nothing.
        Assert.True(requestsAfter[^1] < movies.Count, $"{requestsAfter[^1]} requests for {movies.Count} items");
        Assert.Equal(requestsAfter[movies.Count / 2], requestsAfter[^1]);

        var engine = host.Get<EnrichmentEngine>();
        var store = host.Get<EnrichmentStore>();
        Assert.All(movies, m => Assert.True(engine.IsDue(store.GetDueTimes(IntegrationIds.Tmdb), m.Id) || store.GetAll(m.Id)[IntegrationIds.Tmdb].Status == EnrichmentStatus.Failed));
        Assert.DoesNotContain(movies, m => store.GetAll(m.Id).Values.Any(s => s.Status == EnrichmentStatus.Fetched));
    }

    private static Movie NewMovie(int n)
    {
        var title = global::Aperture.Emulators.Catalog.MediaCatalog.SyntheticMovie(500 + n);
        var movie = new Movie { Id = Guid.NewGuid(), Name = title.Title, ProductionYear = title.Year };
        movie.SetProviderId(MetadataProvider.Tmdb, title.TmdbId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        movie.SetProviderId(MetadataProvider.Imdb, title.ImdbId);
        return movie;
    }
}
