using System;
using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Tests.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

/// <summary>
/// Aperture's services on a real SQLite database in a temporary folder, with TMDb, MDBList and OMDb unconfigured
/// until <see cref="Configure"/>, and fake sources behind them.
/// </summary>
public sealed class EnrichmentHost : IDisposable
{
    public EnrichmentHost()
    {
        // The real TMDb, MDBList and OMDb integrations (for their credentials), with fake data sources.
        Host = new TestHost(overrides: services =>
        {
            services.RemoveAll<ITmdbMetadataSource>();
            services.RemoveAll<IRatingsSource>();
            services.RemoveAll<IBatchRatingsSource>();
            services.RemoveAll<ITmdbImageSource>();
            services.AddSingleton<ITmdbMetadataSource>(Tmdb);
            services.AddSingleton<IRatingsSource>(MdbList);
            services.AddSingleton<IRatingsSource>(Omdb);
            services.AddSingleton<ITmdbImageSource>(Images);
        });
    }

    public TestHost Host { get; }

    public FakeTmdbSource Tmdb { get; } = new();

    public FakeRatingsSource MdbList { get; } = new(IntegrationIds.MdbList);

    public FakeRatingsSource Omdb { get; } = new(IntegrationIds.Omdb);

    public FakeImageSource Images { get; } = new();

    public EnrichmentEngine Engine => Host.Get<EnrichmentEngine>();

    public EnrichmentStore Store => Host.Get<EnrichmentStore>();

    public EnrichmentQueueStore Queue => Host.Get<EnrichmentQueueStore>();

    public void Configure(params string[] ids)
    {
        foreach (var id in ids)
        {
            Assert.Null(Host.Get<CredentialAdmin>().Save(id, new Dictionary<string, string> { ["apiKey"] = "test-key-" + id }));
        }
    }

    public ScanEnricher ScanEnricher() => new(Engine, Queue, Host.Time, Host.Get<ILogger<ScanEnricher>>());

    public void Dispose() => Host.Dispose();
}
