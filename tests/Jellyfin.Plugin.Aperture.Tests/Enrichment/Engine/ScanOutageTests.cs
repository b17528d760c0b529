using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Library;
using MediaBrowser.Controller.Library;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment.Engine;

/// <summary>
/// A library scan while the services are down, with the shipped retry policy and default limits: the scan sends
/// nothing and queues every item; the background run after it records failures (never "done"), the circuit
/// breaker keeps it from hammering the services, and a later run picks everything up once they are back.
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
    public async Task AnOutageNeverReachesTheScanAndTheRunAfterItLeavesEveryItemDue()
    {
        using var host = new EmulatorEnrichmentHost(_emulators, production: true);
        SetMode(FaultMode.Outage);
        var movies = Enumerable.Range(1, 20).Select(ScanNetworkFreeTests.NewMovie).ToList();
        var scan = host.Get<ScanEnricher>();

        foreach (var movie in movies)
        {
            var refresh = scan.EnrichAsync(movie, CancellationToken.None);
            Assert.True(refresh.IsCompletedSuccessfully);
            Assert.Equal(ItemUpdateType.None, await refresh);
        }

        Assert.Equal(0, _emulators.TotalRequests);
        Assert.Equal(20, host.Get<EnrichmentQueueStore>().Count());

        var library = movies.Select(m => LibraryItemReader.ToLibraryItem(m)!).ToList();
        var runner = host.Get<EnrichmentRunner>();
        var summary = await host.PumpAsync(runner.RunAsync(library, new RecordingApplier(), new Progress<double>(), CancellationToken.None));

        // Without the circuit breaker this run would cost 20 items × 3 services × 3 attempts = 180 requests.
        Assert.Equal("completed", summary.Status);
        Assert.True(_emulators.TotalRequests < 60, $"{_emulators.TotalRequests} requests for {movies.Count} items");
        var store = host.Get<EnrichmentStore>();
        Assert.DoesNotContain(movies, m => store.GetAll(m.Id).Values.Any(s => s.Service != ItemWriteLog.Service && s.Status == EnrichmentStatus.Fetched));
        Assert.Equal(0, host.Get<EnrichmentQueueStore>().Count());

        // Back up: once the retry time has passed, the next run fetches every item.
        SetMode(FaultMode.None);
        host.Time.Advance(TimeSpan.FromHours(2));
        var applier = new RecordingApplier();
        var recovery = await host.PumpAsync(runner.RunAsync(library, applier, new Progress<double>(), CancellationToken.None));

        Assert.Equal(20, recovery.Enriched);
        Assert.All(movies, m => Assert.Equal(EnrichmentStatus.Fetched, store.GetAll(m.Id)[IntegrationIds.Tmdb].Status));
    }

    private void SetMode(FaultMode mode)
    {
        foreach (var emulator in new ServiceEmulator[] { _emulators.Tmdb, _emulators.Omdb, _emulators.MdbList })
        {
            emulator.Mode = mode;
        }
    }
}
