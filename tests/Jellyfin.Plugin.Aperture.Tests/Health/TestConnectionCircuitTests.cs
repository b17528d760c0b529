using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Tests.Enrichment;
using Jellyfin.Plugin.Aperture.Tests.Http;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Health;

/// <summary>
/// Test Connection is the admin's "try it now": it reaches the service even while the service's circuit is open
/// after an outage, and a successful test of the saved key closes the circuit and clears the alert at once instead
/// of leaving both until the break ends. The production policy runs on a fake clock, so the retries' back-off is
/// driven and the circuit's break never ends on its own during the test.
/// </summary>
public sealed class TestConnectionCircuitTests : IClassFixture<SourceEmulators>
{
    private static readonly TimeSpan _step = TimeSpan.FromMilliseconds(250);
    private readonly SourceEmulators _emulators;

    public TestConnectionCircuitTests(SourceEmulators emulators)
    {
        _emulators = emulators;
        emulators.Reset();
    }

    [Fact]
    public async Task TestConnectionReachesTheServiceWhileItsCircuitIsOpenAndItsSuccessClosesTheCircuitAndClearsTheAlert()
    {
        using var host = new EmulatorEnrichmentHost(_emulators, pipeline: new UpstreamPipelineOptions());
        var tester = host.Get<ConnectionTester>();
        var monitor = host.Get<IUpstreamBudgetMonitor>();
        _emulators.Tmdb.Mode = FaultMode.Outage;
        for (var i = 0; i < 5 && monitor.GetSnapshot(IntegrationIds.Tmdb).Circuit != CircuitStatus.Open; i++)
        {
            await PipelineHarness.Drive(host.Time, new[] { tester.TestAsync(IntegrationIds.Tmdb, null, null, CancellationToken.None) }, _step);
        }

        Assert.Equal(CircuitStatus.Open, monitor.GetSnapshot(IntegrationIds.Tmdb).Circuit);
        Assert.Contains(host.Get<AlertStore>().ListOpen(), a => a.Service == IntegrationIds.Tmdb && a.Kind == AlertKind.Outage);
        _emulators.Tmdb.Mode = FaultMode.None;

        // A candidate key is tested against the service too, but says nothing about the saved one.
        const string candidate = "tmdb-candidate-key";
        _emulators.Tmdb.ValidKeys.Add(candidate);
        var sent = _emulators.Tmdb.RequestCount;
        var (typed, _) = await tester.TestAsync(IntegrationIds.Tmdb, new Dictionary<string, string> { ["apiKey"] = candidate }, null, CancellationToken.None);
        Assert.True(typed!.Succeeded, typed.Message);
        Assert.Equal(sent + 1, _emulators.Tmdb.RequestCount);
        Assert.Equal(CircuitStatus.Open, monitor.GetSnapshot(IntegrationIds.Tmdb).Circuit);

        // The clock has not moved: the break is still running when the saved key is tested.
        var (saved, _) = await tester.TestAsync(IntegrationIds.Tmdb, null, null, CancellationToken.None);

        Assert.True(saved!.Succeeded, saved.Message);
        Assert.Equal(sent + 2, _emulators.Tmdb.RequestCount);
        Assert.Equal(CircuitStatus.Closed, monitor.GetSnapshot(IntegrationIds.Tmdb).Circuit);
        Assert.Empty(host.Get<AlertStore>().ListOpen());
        Assert.Equal("Connected", host.Get<IntegrationStatusService>().Get(IntegrationIds.Tmdb).Status);

        // Background work reaches the service again at once.
        var fetched = await host.Get<ITmdbMetadataSource>().GetAsync(Enrichment.Library.From(Enrichment.Library.Matrix), RequestPriority.Background, CancellationToken.None);
        Assert.Equal(UpstreamOutcome.Success, fetched.Outcome);
        Assert.Equal(sent + 3, _emulators.Tmdb.RequestCount);
    }
}
