using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

/// <summary>
/// Issue #8 point 5: one bad item is that item's failure and the run goes on; a run never stays "running"; an item
/// whose write failed, or whose "What to write" switches changed, is due again at the next run.
/// </summary>
public sealed class RunResilienceTests : IDisposable
{
    private static readonly TmdbMetadata Tmdb = new("1", null, new[] { "heist" }, null, null, Array.Empty<CrewCredit>());
    private readonly EnrichmentHost _host = new();

    public RunResilienceTests()
    {
        _host.Configure(IntegrationIds.Tmdb);
        _host.Tmdb.Answer = SourceResults.Found(Tmdb);
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AnItemWhoseWriteThrowsIsThatItemsFailureAndTheRunGoesOn()
    {
        var library = Items(3);
        var applier = new ScriptedApplier { Failing = { library[1].Id } };

        var summary = await RunAsync(library, applier);

        Assert.Equal("completed", summary.Status);
        Assert.Equal(new[] { library[0].Id, library[2].Id }, applier.Written);
        Assert.Equal(2, summary.Enriched);
        Assert.Equal(1, summary.FailedByReason.Values.Sum());
        var problem = Assert.Single(_host.Store.ListProblems(10));
        Assert.Equal(library[1].Id, problem.ItemId);
        Assert.DoesNotContain("disk full", problem.Message, StringComparison.Ordinal);
        Assert.Equal("completed", _host.Store.ListRuns(1).Single().Status);
    }

    [Fact]
    public async Task AStoredPayloadThatNoLongerParsesIsThatItemsFailureAndTheRunGoesOn()
    {
        var library = Items(2);
        var now = _host.Host.Time.GetUtcNow();
        _host.Store.Save(new EnrichmentState(library[0].Id, IntegrationIds.Tmdb, EnrichmentStatus.Fetched, 0, now, now.AddDays(30), null, "{\"keywords\": 42"), now);
        _host.Queue.Add(library[0].Id, now);
        var applier = new ScriptedApplier();

        var summary = await RunAsync(library, applier);

        Assert.Equal("completed", summary.Status);
        Assert.Contains(library[1].Id, applier.Written);
        Assert.Equal(1, summary.FailedByReason.Values.Sum());
    }

    [Fact]
    public async Task ARunThatEndsWithAnErrorIsNeverLeftRunning()
    {
        var progress = new ThrowingProgress();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _host.Host.Get<EnrichmentRunner>().RunAsync(Items(2), new ScriptedApplier(), progress, CancellationToken.None));

        var run = _host.Store.ListRuns(1).Single();
        Assert.NotEqual("running", run.Status);
        Assert.NotNull(run.FinishedAt);

        // The runner is free for the next run.
        Assert.Equal("completed", (await RunAsync(Items(1), new ScriptedApplier())).Status);
    }

    [Fact]
    public async Task AnItemWhoseWriteFailedIsDueAgainAtTheNextRunNotAfterTheFreshness()
    {
        var library = Items(2);
        var applier = new ScriptedApplier { Failing = { library[0].Id } };
        await RunAsync(library, applier);

        applier.Failing.Clear();
        _host.Host.Time.Advance(TimeSpan.FromHours(1));
        var second = await RunAsync(library, applier);

        Assert.Equal(1, second.Due);
        Assert.Equal(new[] { library[1].Id, library[0].Id }, applier.Written);
        Assert.Equal(1, _host.Tmdb.Calls - 1);
        Assert.Empty(_host.Store.ListProblems(10));

        // Written: nothing is due any more.
        Assert.Equal(0, (await RunAsync(library, applier)).Due);
    }

    [Fact]
    public async Task TurningAWriteSwitchOnAppliesToExistingItemsAtTheNextRun()
    {
        _host.Host.Configuration.Current.Enrichment.KeywordTags = false;
        var library = Items(2);
        var applier = new ScriptedApplier();
        await RunAsync(library, applier);
        Assert.Equal(0, (await RunAsync(library, applier)).Due);

        _host.Host.Configuration.Current.Enrichment.KeywordTags = true;
        var afterSwitch = await RunAsync(library, applier);

        Assert.Equal(2, afterSwitch.Due);
        Assert.Equal(4, applier.Written.Count);
        Assert.Equal(2, _host.Tmdb.Calls);
    }

    [Fact]
    public async Task TurningTheCriticScoreOnFetchesTheScoreASourceWasNotAskedFor()
    {
        _host.Configure(IntegrationIds.MdbList);
        _host.MdbList.Answer = SourceResults.Found(new RatingsData(IntegrationIds.MdbList, 91, null, null, null));
        _host.Host.Configuration.Current.Enrichment.CriticRating = false;
        _host.Host.Configuration.Current.Enrichment.Awards = false;
        var library = Items(1);
        await RunAsync(library, new ScriptedApplier());
        Assert.Equal(0, _host.MdbList.Calls);

        _host.Host.Configuration.Current.Enrichment.CriticRating = true;
        await RunAsync(library, new ScriptedApplier());

        Assert.Equal(1, _host.MdbList.Calls);
        Assert.Equal(91, _host.Engine.GetMerged(library[0].Id).CriticRating);
    }

    [Fact]
    public async Task OldRowsArePrunedAfterACompletedRun()
    {
        var library = Items(2);
        await RunAsync(library, new ScriptedApplier());
        var alerts = _host.Host.Get<Jellyfin.Plugin.Aperture.Health.AlertStore>();
        var now = _host.Host.Time.GetUtcNow();
        var old = alerts.Open("tmdb", Jellyfin.Plugin.Aperture.Health.AlertKind.Outage, Jellyfin.Plugin.Aperture.Health.AlertSeverity.Info, "down", "wait", null, now).Alert;
        alerts.Dismiss(old.Id, now);
        for (var i = 0; i < 110; i++)
        {
            _host.Store.FinishRun(_host.Store.StartRun(now), "completed", "{}", now);
        }

        // The second item was deleted from Jellyfin; 31 days later a run sees the library without it.
        _host.Host.Time.Advance(TimeSpan.FromDays(31));
        await RunAsync(library.Take(1).ToList(), new ScriptedApplier());

        Assert.Empty(_host.Store.GetAll(library[1].Id));
        Assert.NotEmpty(_host.Store.GetAll(library[0].Id));
        Assert.Equal(100, _host.Store.ListRuns(1000).Count);
        Assert.DoesNotContain(alerts.ListOpen(), a => a.Id == old.Id);
        using var connection = _host.Host.Get<Jellyfin.Plugin.Aperture.Storage.ApertureDatabase>().Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM alerts";
        Assert.Equal(0L, (long)count.ExecuteScalar()!);
    }

    private static List<LibraryItem> Items(int count) => Enumerable.Range(0, count)
        .Select(n => new LibraryItem(Guid.NewGuid(), MediaKind.Movie, "Movie " + n, 2020, "1", null, null, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(-n), 0))
        .ToList();

    private Task<RunSummary> RunAsync(IReadOnlyList<LibraryItem> library, IEnrichmentApplier applier) =>
        _host.Host.Get<EnrichmentRunner>().RunAsync(library, applier, new Progress<double>(), CancellationToken.None);

    /// <summary>Stands in for Jellyfin's writer; throws like a failing item save for the ids in <see cref="Failing"/>.</summary>
    private sealed class ScriptedApplier : IEnrichmentApplier
    {
        public HashSet<Guid> Failing { get; } = new();

        public List<Guid> Written { get; } = new();

        public Task<bool> ApplyAsync(LibraryItem item, EnrichedItem data, CancellationToken cancellationToken)
        {
            if (Failing.Contains(item.Id))
            {
                throw new IOException("disk full");
            }

            Written.Add(item.Id);
            return Task.FromResult(true);
        }
    }

    private sealed class ThrowingProgress : IProgress<double>
    {
        public void Report(double value) => throw new InvalidOperationException("progress sink broke");
    }
}
