using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Enrichment;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Entities;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment.Engine;

/// <summary>
/// Issue #8 point 1: a scan never waits on the network for Aperture. The scan-time provider writes only what
/// Aperture already has and queues the rest, so whatever the services do it completes without sending a request.
/// </summary>
public sealed class ScanNetworkFreeTests : IClassFixture<SourceEmulators>
{
    private readonly SourceEmulators _emulators;

    public ScanNetworkFreeTests(SourceEmulators emulators)
    {
        _emulators = emulators;
        emulators.Reset();
    }

    [Theory]
    [InlineData(FaultMode.Timeout)]
    [InlineData(FaultMode.Outage)]
    [InlineData(FaultMode.RateLimited)]
    [InlineData(FaultMode.QuotaExhausted)]
    [InlineData(FaultMode.HtmlErrorPage)]
    [InlineData(FaultMode.None)]
    public async Task AScanOfNewItemsSendsNoRequestAndNeverWaitsWhateverTheServicesDo(FaultMode mode)
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        foreach (var emulator in new ServiceEmulator[] { _emulators.Tmdb, _emulators.Omdb, _emulators.MdbList })
        {
            emulator.Mode = mode;
            emulator.TimeoutHang = TimeSpan.FromSeconds(30);
        }

        var scan = host.Get<ScanEnricher>();
        foreach (var movie in Enumerable.Range(1, 20).Select(NewMovie))
        {
            var refresh = scan.EnrichAsync(movie, CancellationToken.None);

            // Completed before anything could be awaited: the refresh never waits on a service, by construction.
            Assert.True(refresh.IsCompletedSuccessfully, $"the refresh of {movie.Name} waited on something ({mode})");
            Assert.Equal(ItemUpdateType.None, await refresh);
        }

        Assert.Equal(0, _emulators.TotalRequests);
    }

    [Fact]
    public async Task TheScanQueuesNewItemsAndThePostScanStepHasThemEnrichedRightAfter()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        foreach (var emulator in new ServiceEmulator[] { _emulators.Tmdb, _emulators.Omdb, _emulators.MdbList })
        {
            emulator.Mode = FaultMode.Timeout;
        }

        var movies = Enumerable.Range(1, 3).Select(NewMovie).ToList();
        var scan = host.Get<ScanEnricher>();
        foreach (var movie in movies)
        {
            Assert.True(scan.EnrichAsync(movie, CancellationToken.None).IsCompletedSuccessfully);
        }

        var queue = host.Get<EnrichmentQueueStore>();
        Assert.Equal(movies.Select(m => m.Id).Order(), queue.GetAll().Order());
        Assert.Equal(0, _emulators.TotalRequests);

        // The services are back by the time the scan ends. The post-scan step only queues the task (the test's
        // launcher stands in for Jellyfin's task manager and runs it in the background lane).
        foreach (var emulator in new ServiceEmulator[] { _emulators.Tmdb, _emulators.Omdb, _emulators.MdbList })
        {
            emulator.Mode = FaultMode.None;
        }

        var applier = new RecordingApplier();
        var launcher = new RunningLauncher(() => host.Get<EnrichmentRunner>().RunAsync(
            movies.Select(m => Jellyfin.Plugin.Aperture.Library.LibraryItemReader.ToLibraryItem(m)!).ToList(), applier, new Progress<double>(), CancellationToken.None));
        var step = new EnrichAfterScanTask(queue, host.Get<Jellyfin.Plugin.Aperture.Health.IntegrationStatusService>(), launcher, host.Get<Microsoft.Extensions.Logging.ILogger<EnrichAfterScanTask>>());

        Assert.True(step.Run(new Progress<double>(), CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(launcher.Queued);
        Assert.Equal(0, _emulators.TotalRequests);
        var summary = await launcher.StartQueued().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, summary.Enriched);
        Assert.All(movies, m => Assert.NotNull(applier.Applied[m.Id].CriticRating));
        Assert.Equal(0, queue.Count());

        // The next scan of the same items writes the stored data and queues nothing.
        var requests = _emulators.TotalRequests;
        Assert.Equal(ItemUpdateType.MetadataDownload, await scan.EnrichAsync(movies[0], CancellationToken.None));
        Assert.NotNull(movies[0].CriticRating);
        Assert.Equal(0, queue.Count());
        Assert.Equal(requests, _emulators.TotalRequests);
    }

    internal static Movie NewMovie(int n)
    {
        var title = global::Aperture.Emulators.Catalog.MediaCatalog.SyntheticMovie(700 + n);
        var movie = new Movie { Id = Guid.NewGuid(), Name = title.Title, ProductionYear = title.Year };
        movie.SetProviderId(MetadataProvider.Tmdb, title.TmdbId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        movie.SetProviderId(MetadataProvider.Imdb, title.ImdbId);
        return movie;
    }

    /// <summary>
    /// Stands in for Jellyfin's task manager: queuing only records the request, and the test starts the queued run
    /// itself, so "the post-scan step sent nothing" is checked before the run it queued can send anything.
    /// </summary>
    private sealed class RunningLauncher(Func<Task<RunSummary>> run) : IEnrichmentTaskLauncher
    {
        public bool Queued { get; private set; }

        public void QueueRun() => Queued = true;

        public Task<RunSummary> StartQueued() => Queued ? Task.Run(run) : throw new InvalidOperationException("Nothing was queued.");
    }
}
