using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
/// MDBList emulator states its reset as the real next midnight UTC. Rate limits are raised so no permit waits for
/// the fake clock, and the pipeline makes one attempt per call, so an outage answers at once instead of waiting
/// for retry delays the fake clock would never reach. A test that claims production behaviour passes the production
/// <see cref="UpstreamPipelineOptions"/> instead, and the system clock where real time is the point.
/// </summary>
public sealed class EmulatorEnrichmentHost : IDisposable
{
    public EmulatorEnrichmentHost(SourceEmulators emulators, Action<EnrichmentSettings>? enrichment = null, UpstreamPipelineOptions? pipeline = null, TimeProvider? clock = null)
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
        services.AddSingleton(pipeline ?? new UpstreamPipelineOptions { MaxAttempts = 1 });
        ApertureServices.Add(services);
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
            var error = settings.Update(new IntegrationSettings { Id = id, BaseUrl = baseUrl.AbsoluteUri, RequestsPerWindow = 1_000_000, WindowSeconds = 1, MaxConcurrency = 4 });
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
