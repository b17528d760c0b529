using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Omdb;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Storage;
using Jellyfin.Plugin.Aperture.Tests.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

/// <summary>
/// Aperture wired as the plugin wires it (real pipeline, real sources, real store), with TMDb, OMDb and MDBList
/// pointed at the loopback emulators and their keys saved. The fake clock starts at the real time, because the
/// MDBList emulator states its reset as the real next midnight UTC. By default rate limits are raised so no permit
/// waits for the fake clock, and the pipeline makes one attempt per call, so an outage answers at once instead of
/// waiting for retry delays the fake clock would never reach. A test that claims production behaviour passes
/// <c>production: true</c>: the shipped retry policy and default limits, with <see cref="PumpAsync{T}"/> moving
/// the clock while it waits; or its own <see cref="UpstreamPipelineOptions"/>, and the system clock where real time
/// is the point.
/// </summary>
public sealed class EmulatorEnrichmentHost : IDisposable
{
    private readonly ClockPump _pump = new();

    public EmulatorEnrichmentHost(SourceEmulators emulators, Action<EnrichmentSettings>? enrichment = null, bool production = false, UpstreamPipelineOptions? pipeline = null, TimeProvider? clock = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("aperture-enrich-").FullName;
        Time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Clock = clock ?? Time;
        enrichment?.Invoke(Configuration.Current.Enrichment);
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(new AperturePaths(DataDirectory));
        services.AddSingleton<IPluginConfigurationStore>(Configuration);
        services.AddSingleton<TimeProvider>(Clock);
        if (pipeline is not null)
        {
            services.AddSingleton(pipeline);
        }
        else if (!production)
        {
            services.AddSingleton(new UpstreamPipelineOptions { MaxAttempts = 1 });
        }

        _pump.Watch(services);
        ApertureServices.Add(services);

        // The scan-time half, as the plugin registrator adds it beside Aperture's own services.
        services.AddSingleton<ScanEnricher>();
        Provider = services.BuildServiceProvider();

        var settings = Get<IntegrationSettingsService>();
        var credentials = Get<CredentialStore>();
        foreach (var (id, baseUrl, key) in new[]
        {
            (IntegrationIds.Tmdb, emulators.Tmdb.BaseUrl, emulators.Tmdb.ValidKey),
            (IntegrationIds.Omdb, emulators.Omdb.BaseUrl, emulators.Omdb.ValidKey),
            (IntegrationIds.MdbList, emulators.MdbList.BaseUrl, emulators.MdbList.ValidKey),
        })
        {
            var error = settings.Update(production
                ? new IntegrationSettings { Id = id, BaseUrl = baseUrl.AbsoluteUri }
                : new IntegrationSettings { Id = id, BaseUrl = baseUrl.AbsoluteUri, RequestsPerWindow = 100_000, WindowSeconds = 1, MaxConcurrency = 4 });
            if (error is not null)
            {
                throw new InvalidOperationException(error);
            }

            SetKey(id, key);
        }
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Gets the clock Aperture runs on: <see cref="Time"/> unless the test chose another.</summary>
    public TimeProvider Clock { get; }

    public InMemoryConfigurationStore Configuration { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public ServiceProvider Provider { get; }

    public OmdbRatingsSource Omdb => Get<IEnumerable<IRatingsSource>>().OfType<OmdbRatingsSource>().Single();

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    public void SetKey(string service, string key) =>
        Get<CredentialStore>().Set(service, new IntegrationCredentials(new[] { new KeyValuePair<string, string>("apiKey", key) }));

    /// <summary>Awaits work that waits on the fake clock, moving it as <see cref="ClockPump"/> does.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="work">The work.</param>
    /// <returns>The work's result.</returns>
    public Task<T> PumpAsync<T>(Task<T> work) => _pump.RunAsync(Time, work);

    /// <summary>Moves the fake clock just past the next midnight UTC.</summary>
    public void AdvancePastMidnight()
    {
        var now = Time.GetUtcNow();
        Time.SetUtcNow(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddMinutes(1));
    }

    public void Dispose()
    {
        Provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
