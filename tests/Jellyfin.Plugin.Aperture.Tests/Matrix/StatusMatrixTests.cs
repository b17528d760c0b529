using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Matrix;

/// <summary>
/// Every service × {works, bad key, rate limited, quota exhausted, outage, bad body}, through the real wiring:
/// the shared pipeline, the service's classifier, health and alerts, against its loopback emulator. Checks the
/// status and alert kind the page shows, then that the alert clears itself once the service works again.
/// </summary>
public sealed class StatusMatrixTests : IClassFixture<StatusMatrixTests.Emulators>
{
    private readonly Emulators _emulators;

    public StatusMatrixTests(Emulators emulators)
    {
        _emulators = emulators;
    }

    public static TheoryData<string, FaultMode, string, AlertKind> Cases()
    {
        var data = new TheoryData<string, FaultMode, string, AlertKind>();
        foreach (var service in new[] { "ai", "tmdb", "omdb", "trakt", "mdblist", "seerr" })
        {
            data.Add(service, FaultMode.BadKey, "Error", AlertKind.Authentication);
            data.Add(service, FaultMode.RateLimited, "Warning", AlertKind.RateLimit);

            // TMDb has no daily quota: its "limit" answer is the 429 with status_code 25. Trakt has none either: its
            // "limit" answer (420) is one user's account limit, which neither changes Trakt's status nor closes on
            // another call's success (TraktUserLimitsTests).
            if (service != "trakt")
            {
                data.Add(service, FaultMode.QuotaExhausted, "Warning", service == "tmdb" ? AlertKind.RateLimit : AlertKind.Quota);
            }

            data.Add(service, FaultMode.Outage, "Warning", AlertKind.Outage);
            data.Add(service, FaultMode.MalformedBody, "Warning", AlertKind.BadResponse);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FailureShowsItsStatusAndAlertThenClearsOnRecovery(string service, FaultMode mode, string status, AlertKind kind)
    {
        using var plugin = new WiredPlugin(_emulators.Set);
        var emulator = _emulators.For(service);
        emulator.Reset();
        plugin.SaveDemoKey(service, emulator);

        var (works, _) = await plugin.Tester.TestAsync(service, null, null, CancellationToken.None);
        Assert.True(works!.Succeeded, works.Message);
        Assert.Equal("Connected", plugin.Status.Get(service).Status);

        emulator.Mode = mode;
        await plugin.Tester.TestAsync(service, null, null, CancellationToken.None);

        var view = plugin.Status.Get(service);
        Assert.Equal(status, view.Status);
        var alert = Assert.Single(plugin.Alerts.ListOpen());
        Assert.Equal(kind, alert.Kind);
        Assert.Equal(service, alert.Service);
        Assert.DoesNotContain(emulator.ValidKey, alert.Message + alert.Action + view.Reason, StringComparison.Ordinal);

        emulator.Mode = FaultMode.None;
        await plugin.Tester.TestAsync(service, null, null, CancellationToken.None);

        Assert.Empty(plugin.Alerts.ListOpen());
        Assert.Equal("Connected", plugin.Status.Get(service).Status);
    }

    /// <summary>The six emulators, started once for the class.</summary>
    public sealed class Emulators : IAsyncLifetime
    {
        private EmulatorSet? _set;

        public EmulatorSet Set => _set ?? throw new InvalidOperationException("Not started.");

        public ServiceEmulator For(string service) => Set.All.Single(e => e.Name == service);

        public async Task InitializeAsync()
        {
            _set = await EmulatorSet.StartAsync();
            foreach (var emulator in _set.All)
            {
                emulator.RetryAfter = TimeSpan.FromSeconds(1);
            }
        }

        public async Task DisposeAsync()
        {
            if (_set is not null)
            {
                await _set.DisposeAsync();
            }
        }
    }

    /// <summary>Aperture wired as in Jellyfin, on a temporary data folder, pointed at the emulators.</summary>
    private sealed class WiredPlugin : IDisposable
    {
        private readonly string _dataDirectory = Directory.CreateTempSubdirectory("aperture-matrix-").FullName;
        private readonly ServiceProvider _provider;

        public WiredPlugin(EmulatorSet emulators)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(new AperturePaths(_dataDirectory));
            services.AddSingleton<IPluginConfigurationStore, InMemoryConfigurationStore>();

            // One attempt per call keeps each case short; retries have their own tests.
            services.AddSingleton(new UpstreamPipelineOptions { MaxAttempts = 1 });
            ApertureServices.Add(services);
            _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

            var settings = _provider.GetRequiredService<IntegrationSettingsService>();
            foreach (var emulator in emulators.All)
            {
                Assert.Null(settings.Update(new IntegrationSettings { Id = emulator.Name, BaseUrl = emulator.BaseUrl.AbsoluteUri }));
            }
        }

        public ConnectionTester Tester => _provider.GetRequiredService<ConnectionTester>();

        public IntegrationStatusService Status => _provider.GetRequiredService<IntegrationStatusService>();

        public AlertStore Alerts => _provider.GetRequiredService<AlertStore>();

        public void SaveDemoKey(string service, ServiceEmulator emulator)
        {
            var fields = service == "trakt"
                ? new Dictionary<string, string> { ["clientId"] = emulator.ValidKey, ["clientSecret"] = ((TraktEmulator)emulator).ClientSecret }
                : new Dictionary<string, string> { ["apiKey"] = emulator.ValidKey };
            Assert.Null(_provider.GetRequiredService<CredentialAdmin>().Save(service, fields));
        }

        public void Dispose()
        {
            _provider.Dispose();
            SqliteConnection.ClearAllPools();
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
