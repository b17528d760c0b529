using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations;
using Xunit;
using Catalog = global::Aperture.Emulators.Catalog.MediaCatalog;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment.Engine;

/// <summary>
/// The backfill over the three emulators with the real pipeline, store, engine and runner. Tests of what the run
/// does when a service fails (quota spent, outage) run with the shipped retry policy and default limits on a
/// pumped fake clock. The others test the run's own mechanics (merging, resuming, batching) whatever the service
/// limits, so they keep the host's raised limits and single attempt, which keeps them short.
/// </summary>
public sealed class EnrichmentRunTests : IClassFixture<SourceEmulators>
{
    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(60);
    private readonly SourceEmulators _emulators;

    public EnrichmentRunTests(SourceEmulators emulators)
    {
        _emulators = emulators;
        emulators.Reset();
    }

    [Fact]
    public async Task AnItemGetsMergedDataWithMdbListScoresFirstAndOmdbAwardsAndOmdbIsNotAskedForASeries()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        var matrix = Library.From(Library.Matrix);
        var breakingBad = Library.From(Library.BreakingBad);
        var applier = new RecordingApplier();

        var summary = await RunAsync(host, new[] { matrix, breakingBad }, applier);

        Assert.Equal(2, summary.Enriched);
        var movie = applier.Applied[matrix.Id];
        Assert.Contains("hacker", movie.Keywords);
        Assert.Equal("The Matrix Collection", movie.CollectionName);
        Assert.Contains(movie.Crew, c => c.Job == "Director of Photography");
        Assert.Equal((83, "mdblist", 85, 73), (movie.CriticRating, movie.CriticSource, movie.AudienceRating, movie.Metacritic));
        Assert.Equal("Won 4 Oscars. 42 wins & 52 nominations total", movie.Awards);
        var series = applier.Applied[breakingBad.Id];
        Assert.Equal((96, "mdblist", 97), (series.CriticRating, series.CriticSource, series.AudienceRating));
        Assert.Contains("chemistry teacher", series.Keywords);
        Assert.DoesNotContain(_emulators.Omdb.Requests, r => r.Query("i") == "tt0903747");
        Assert.Single(_emulators.Omdb.Requests);
    }

    [Fact]
    public async Task OmdbGivesTheCriticScoreWhenMdbListHasNone()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.MdbList.UnknownIdsAreNotFound = true;
        var title = Catalog.SyntheticMovie(11);
        var item = Library.From(title);
        var applier = new RecordingApplier();

        await RunAsync(host, new[] { item }, applier);

        var data = applier.Applied[item.Id];
        Assert.Equal(title.RottenTomatoes, data.CriticRating);
        Assert.Equal("omdb", data.CriticSource);
        Assert.Equal(EnrichmentStatus.NotFound, host.Get<EnrichmentStore>().GetAll(item.Id)[IntegrationIds.MdbList].Status);
    }

    [Fact]
    public async Task QuotaSpentHalfWayLeavesTheRestDeferredWhileTmdbGoesOnAndTheResetPicksThemUp()
    {
        using var host = new EmulatorEnrichmentHost(_emulators, production: true);
        var items = Enumerable.Range(1, 8).Select(n => Library.From(Catalog.SyntheticMovie(100 + n))).ToList();
        _emulators.Omdb.DailyQuota = 3;
        _emulators.MdbList.DailyQuota = 4; // GET user takes one of them.

        var first = await host.PumpAsync(RunAsync(host, items, new RecordingApplier()));

        var store = host.Get<EnrichmentStore>();
        var states = items.ToDictionary(i => i.Id, i => store.GetAll(i.Id));
        Assert.All(items, i => Assert.Equal(EnrichmentStatus.Fetched, states[i.Id][IntegrationIds.Tmdb].Status));
        Assert.Equal(8, _emulators.Tmdb.Requests.Count(r => r.Path.StartsWith("/3/movie/", StringComparison.Ordinal)));
        foreach (var service in new[] { IntegrationIds.Omdb, IntegrationIds.MdbList })
        {
            Assert.Equal(3, items.Count(i => states[i.Id][service].Status == EnrichmentStatus.Fetched));
            var deferred = items.Where(i => states[i.Id][service].Status == EnrichmentStatus.Deferred).ToList();
            Assert.Equal(5, deferred.Count);
            Assert.All(deferred, i => Assert.True(states[i.Id][service].NextDueAt > host.Time.GetUtcNow()));
        }

        Assert.Equal(5, first.DeferredByService.Values.Sum());
        Assert.Equal(3, first.Enriched);

        // A new UTC day: the services have fresh quotas and the deferred items are due again.
        host.AdvancePastMidnight();
        _emulators.Reset();
        var second = await host.PumpAsync(RunAsync(host, items, new RecordingApplier()));

        Assert.Equal(5, second.Due);
        Assert.Equal(0, _emulators.Tmdb.RequestCount);
        Assert.Equal(5, _emulators.Omdb.RequestCount);
        Assert.Equal(5, _emulators.MdbList.Requests.Count(r => r.Path.StartsWith("/tmdb/movie/", StringComparison.Ordinal)));
        Assert.All(items, i => Assert.All(
            new[] { IntegrationIds.Tmdb, IntegrationIds.Omdb, IntegrationIds.MdbList },
            s => Assert.Equal(EnrichmentStatus.Fetched, store.GetAll(i.Id)[s].Status)));
    }

    [Fact]
    public async Task ARunKilledHalfWayResumesWithoutFetchingAnythingTwiceAndAWarmRunSendsNothing()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        var items = Enumerable.Range(1, 6).Select(n => Library.From(Catalog.SyntheticMovie(200 + n)))
            .Concat(Enumerable.Range(1, 4).Select(n => Library.From(Catalog.SyntheticShow(200 + n))))
            .ToList();
        using var kill = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(host, items, new RecordingApplier(kill, limit: 4), kill.Token));
        var applier = new RecordingApplier();
        var resumed = await RunAsync(host, items, applier);

        Assert.Equal(6, resumed.Due);
        Assert.Equal(6, applier.Applied.Count);
        var engine = host.Get<EnrichmentEngine>();
        Assert.All(items, i => Assert.NotNull(engine.GetMerged(i.Id).CriticRating));
        Assert.All(items, i => Assert.NotEmpty(engine.GetMerged(i.Id).Keywords));
        Assert.All(Counts(_emulators.Tmdb.Requests.Select(r => r.Path)), c => Assert.Equal(1, c));
        Assert.All(Counts(_emulators.Omdb.Requests.Select(r => r.Query("i"))), c => Assert.Equal(1, c));
        Assert.All(Counts(_emulators.MdbList.Requests.Where(r => r.Path != "/user").Select(r => r.Path)), c => Assert.Equal(1, c));
        Assert.Equal(10, _emulators.Tmdb.RequestCount);
        Assert.Equal(6, _emulators.Omdb.RequestCount);

        _emulators.Reset();
        var warm = await RunAsync(host, items, new RecordingApplier());

        Assert.Equal(0, warm.Due);
        Assert.Equal(0, _emulators.TotalRequests);
    }

    [Fact]
    public async Task AnOutageMarksItemsFailedNotDoneAndALaterRunRetriesThem()
    {
        using var host = new EmulatorEnrichmentHost(_emulators, production: true);
        var items = Enumerable.Range(1, 3).Select(n => Library.From(Catalog.SyntheticMovie(300 + n))).ToList();
        _emulators.Tmdb.Mode = FaultMode.Outage;

        var first = await host.PumpAsync(RunAsync(host, items, new RecordingApplier()));

        var store = host.Get<EnrichmentStore>();
        Assert.All(items, i =>
        {
            var state = store.GetAll(i.Id)[IntegrationIds.Tmdb];
            Assert.Equal(EnrichmentStatus.Failed, state.Status);
            Assert.Null(state.FetchedAt);
            Assert.True(state.NextDueAt > host.Time.GetUtcNow());
        });
        Assert.Equal(3, first.FailedByReason.Where(f => f.Key.StartsWith("tmdb", StringComparison.Ordinal)).Sum(f => f.Value));
        Assert.Equal(0, first.Enriched);

        // The shipped policy retries an outage (up to three attempts per call) before it gives up on an item.
        Assert.InRange(_emulators.Tmdb.RequestCount, items.Count + 1, items.Count * 3);

        _emulators.Reset();
        host.Time.Advance(TimeSpan.FromHours(2));
        var applier = new RecordingApplier();
        await host.PumpAsync(RunAsync(host, items, applier));

        Assert.All(items, i => Assert.Equal(EnrichmentStatus.Fetched, store.GetAll(i.Id)[IntegrationIds.Tmdb].Status));
        Assert.All(items, i => Assert.NotEmpty(applier.Applied[i.Id].Keywords));
        Assert.Equal(0, _emulators.Omdb.RequestCount);
    }

    [Fact]
    public async Task ASupporterAccountLooksItemsUpInBatchesInsteadOfOneByOne()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.MdbList.IsSupporter = true;
        var items = Enumerable.Range(1, 5).Select(n => Library.From(Catalog.SyntheticMovie(400 + n)))
            .Concat(Enumerable.Range(1, 3).Select(n => Library.From(Catalog.SyntheticShow(400 + n))))
            .ToList();
        var applier = new RecordingApplier();

        await RunAsync(host, items, applier);

        Assert.Equal(new[] { "/tmdb/movie", "/tmdb/show" }, _emulators.MdbList.Requests.Where(r => r.Method == "POST").Select(r => r.Path).Order());
        Assert.DoesNotContain(_emulators.MdbList.Requests, r => r.Method == "GET" && r.Path != "/user");
        Assert.All(items, i => Assert.Equal("mdblist", applier.Applied[i.Id].CriticSource));
    }

    private static IEnumerable<int> Counts(IEnumerable<string?> keys) => keys.GroupBy(k => k).Select(g => g.Count());

    private static async Task<RunSummary> RunAsync(EmulatorEnrichmentHost host, IReadOnlyList<LibraryItem> items, RecordingApplier applier, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_deadline);
        return await host.Get<EnrichmentRunner>().RunAsync(items, applier, new Progress<double>(), deadline.Token);
    }
}
