using System;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Tests.Enrichment;
using Jellyfin.Plugin.Aperture.Tests.Enrichment.Engine;
using Jellyfin.Plugin.Aperture.Tests.Http;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Health;

/// <summary>
/// A service that accepts connections and never answers (the TMDb emulator in <see cref="FaultMode.Timeout"/>,
/// hanging for its longest 30 s), reached through the real pipeline with the production policy. Whoever gives up
/// on the call (the task's per-attempt timeout, the caller of a connection test), the service gets its Outage alert
/// and its circuit counts the failure; only a cancellation before the service had any time to answer says nothing
/// about it. Scans never call a service at all (ScanNetworkFreeTests): the enrichment after the scan is the caller.
/// </summary>
public sealed class HungServiceTests : IClassFixture<SourceEmulators>
{
    private readonly SourceEmulators _emulators;

    public HungServiceTests(SourceEmulators emulators)
    {
        _emulators = emulators;
        emulators.Reset();
        emulators.Tmdb.TimeoutHang = ServiceEmulator.MaxTimeoutHang;
        emulators.Tmdb.Mode = FaultMode.Timeout;
    }

    [Fact]
    public async Task TheBackfillTaskGetsTheOutageAlertFromItsPerAttemptTimeouts()
    {
        // The production policy on a fake clock, driven in steps: three attempts, each cut off by TMDb's timeout.
        using var host = new EmulatorEnrichmentHost(_emulators, pipeline: new UpstreamPipelineOptions());

        var run = host.Get<EnrichmentRunner>().RunAsync(
            new[] { Enrichment.Library.From(Enrichment.Library.Matrix) }, new RecordingApplier(), new Progress<double>(), CancellationToken.None);
        await PipelineHarness.Drive(host.Time, new[] { run }, TimeSpan.FromMilliseconds(500));

        Assert.Contains(host.Get<AlertStore>().ListOpen(), a => a.Service == IntegrationIds.Tmdb && a.Kind == AlertKind.Outage);
    }

    [Fact]
    public async Task AConnectionTestWhoseCallerGivesUpOnTheHungServiceStillRaisesTheOutageAlert()
    {
        // A fake clock moves the caller's deadline past the time a healthy service needs to answer.
        using var host = new EmulatorEnrichmentHost(_emulators, pipeline: new UpstreamPipelineOptions());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5), host.Time);

        var test = host.Get<ConnectionTester>().TestAsync(IntegrationIds.Tmdb, null, null, deadline.Token);
        await PipelineHarness.Until(() => _emulators.Tmdb.RequestCount > 0, "TMDb holds the request");
        host.Time.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => test);
        var alert = Assert.Single(host.Get<AlertStore>().ListOpen());
        Assert.Equal((IntegrationIds.Tmdb, AlertKind.Outage), (alert.Service, alert.Kind));
    }

    [Fact]
    public async Task ACallCancelledBeforeTheServiceHadTimeToAnswerSaysNothingAboutIt()
    {
        // Jellyfin shutting down, or the admin leaving the page, the moment the request went out: the clock has not
        // moved, so there is no evidence that the service hangs.
        using var host = new EmulatorEnrichmentHost(_emulators, pipeline: new UpstreamPipelineOptions());
        using var abort = new CancellationTokenSource();

        var test = host.Get<ConnectionTester>().TestAsync(IntegrationIds.Tmdb, null, null, abort.Token);
        await PipelineHarness.Until(() => _emulators.Tmdb.RequestCount > 0, "TMDb holds the request");
        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => test);
        Assert.Empty(host.Get<AlertStore>().ListOpen());
        Assert.Null(host.Get<IntegrationHealth>().Get(IntegrationIds.Tmdb).LastErrorAt);
    }
}
