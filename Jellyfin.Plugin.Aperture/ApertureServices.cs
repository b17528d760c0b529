using System;
using System.Net.Http;
using Jellyfin.Plugin.Aperture.AiPicks;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Ai;
using Jellyfin.Plugin.Aperture.Integrations.Common;
using Jellyfin.Plugin.Aperture.Integrations.MdbList;
using Jellyfin.Plugin.Aperture.Integrations.Omdb;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;
using Jellyfin.Plugin.Aperture.Integrations.Tmdb;
using Jellyfin.Plugin.Aperture.Integrations.Trakt;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Storage;
using Jellyfin.Plugin.Aperture.TopPicks;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Jellyfin.Plugin.Aperture.TraktSync;
using Jellyfin.Plugin.Aperture.TraktWatchlist;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jellyfin.Plugin.Aperture;

/// <summary>
/// Registers Aperture's own services. Kept free of Jellyfin types so tests and benchmarks wire the plugin
/// exactly as Jellyfin does; the Jellyfin adapters are added by <see cref="PluginServiceRegistrator"/>.
/// The host must also register <see cref="AperturePaths"/> and an <see cref="Configuration.IPluginConfigurationStore"/>.
/// </summary>
public static class ApertureServices
{
    /// <summary>
    /// Adds Aperture's services to a service collection.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);

        // Storage and secrets.
        services.AddSingleton<ApertureDatabase>();
        services.AddSingleton<CredentialCipher>();
        services.AddSingleton<SecretRedactor>();
        services.AddSingleton<CredentialStore>();

        // Integrations and their settings: one line per service; the registry orders them by setup order. Each
        // gets the pipeline deferred, because the pipeline in turn reads the integrations through the registry.
        services.AddSingleton<IIntegration>(sp => new AiIntegration(new DeferredPipeline(sp)));
        services.AddSingleton<IIntegration>(sp => new TmdbIntegration(new DeferredPipeline(sp)));
        services.AddSingleton<IIntegration>(sp => new OmdbIntegration(new DeferredPipeline(sp)));
        services.AddSingleton<IIntegration>(sp => new TraktIntegration(new DeferredPipeline(sp)));
        services.AddSingleton<IIntegration>(sp => new MdbListIntegration(new DeferredPipeline(sp)));
        services.AddSingleton<IIntegration>(sp => new SeerrIntegration(new DeferredPipeline(sp)));
        services.AddSingleton<IntegrationRegistry>();
        services.AddSingleton<IntegrationSettingsService>();

        // Health, alerts and the admin actions behind the API.
        services.AddSingleton<HealthStore>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<IntegrationHealth>();
        services.TryAddSingleton<IHealthRecorder>(sp => sp.GetRequiredService<IntegrationHealth>());
        services.AddSingleton<IntegrationStatusService>();
        services.AddSingleton<ConnectionTester>();
        services.AddSingleton<CredentialAdmin>();
        services.AddSingleton<IntegrationSettingsAdmin>();
        services.AddHostedService<OutageProbe>();

        // The one road every upstream call takes.
        AddUpstreamPipeline(services);

        // The enrichment's data sources: one MDBList instance serves both the single and the batch port.
        services.AddSingleton<StoredTargets>();
        services.AddSingleton<ITmdbMetadataSource, TmdbMetadataSource>();
        services.AddSingleton<ITmdbImageSource, TmdbImageSource>();
        services.AddSingleton<MdbListRatingsSource>();
        services.AddSingleton<IRatingsSource>(sp => sp.GetRequiredService<MdbListRatingsSource>());
        services.AddSingleton<IBatchRatingsSource>(sp => sp.GetRequiredService<MdbListRatingsSource>());
        services.AddSingleton<IRatingsSource, OmdbRatingsSource>();

        // Metadata enrichment: per-item state, the engine and the backfill over the sources above.
        services.AddSingleton<EnrichmentStore>();
        services.AddSingleton<EnrichmentQueueStore>();
        services.AddSingleton<ItemWriteLog>();
        services.AddSingleton<EnrichmentEngine>();
        services.AddSingleton<EnrichmentRunner>();
        services.AddSingleton<EnrichmentSettingsService>();

        // Each Jellyfin user's Trakt link: the OAuth calls, the encrypted token store, the device flow, tokens
        // refreshed one at a time per user, and unlinking.
        services.AddSingleton<TraktOAuthClient>();
        services.AddSingleton<TraktAccountStore>();
        services.AddSingleton<TraktDeviceCodeStore>();
        services.AddSingleton<TraktUserLocks>();
        services.AddSingleton<TraktDeviceLink>();
        services.AddSingleton<TraktUserTokens>();
        services.AddSingleton<TraktUnlink>();
        services.AddSingleton<TraktLinkStatusReader>();

        // Two-way rating sync: the per-user sync and the local change times. The runner and the debouncer need the
        // Jellyfin side (IUserRatingsLibrary, IRatingsSyncLauncher), so the registrator adds them with it.
        services.AddSingleton<RatingsSyncStore>();
        services.AddSingleton<RatingsSync>();
        services.AddSingleton<LocalRatingTimes>();
        services.AddSingleton<TraktSyncLog>();
        services.AddSingleton<TraktUserApis>();

        // Titles the watchlist, suggestions and Top Picks want that the library lacks, kept for Discovery.
        services.AddSingleton<MissingTitleStore>();

        // Seerr discovery: each user's Seerr account and rights, their Discover list, requests in their name.
        services.AddSingleton<SeerrClient>();
        services.AddSingleton<SeerrUserChoices>();
        services.AddSingleton<SeerrRequestLog>();
        services.AddSingleton<SeerrAccounts>();
        services.AddSingleton<DiscoverList>();
        services.AddSingleton<DiscoverRequests>();

        // Trakt watchlist sync state and the account-limit alert (the syncs need Jellyfin's playlists: registrator).
        services.AddSingleton<WatchlistSyncStore>();
        services.AddSingleton<AccountLimitAlert>();

        // MDBList Top Picks: the list client and its tables. The sync needs the Jellyfin side (ITopPicksLibrary,
        // ITopPicksCollections), so the registrator adds it with them.
        services.AddSingleton<MdbListListsClient>();
        services.AddSingleton<TopPicksStore>();
        services.AddSingleton<TopPicksAlerts>();

        // AI picks (issue 11): embeddings and their store, picks state (the runner needs Jellyfin: registrator).
        services.AddSingleton<EmbeddingClient>();
        services.AddSingleton<EmbeddingStore>();
        services.AddSingleton<EmbeddingIndexer>();
        services.AddSingleton<PicksStore>();
        services.AddSingleton<ReasonTokenLedger>();
        services.AddSingleton<ReasonWriter>();
        return services;
    }

    /// <summary>
    /// Adds the upstream pipeline: its HttpClient, the quota ledger and the pipeline with its two side views.
    /// Needs the database, the integration registry and settings, the redactor and an <c>IHealthRecorder</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    public static void AddUpstreamPipeline(IServiceCollection services)
    {
        var version = typeof(ApertureServices).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        services.AddHttpClient(UpstreamPipeline.HttpClientName, client =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Jellyfin-Plugin-Aperture/" + version);

                // Polly times each attempt out; the client's own 100 s limit would only cut retries short.
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            })

            // A proxy's 302 to a login page must be seen (and classified), not followed.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })

            // The factory's logging handlers write the full URL, query string (and so keys) included.
            .RemoveAllLoggers();

        services.TryAddSingleton(new UpstreamPipelineOptions());
        services.TryAddSingleton<QuotaLedger>();
        services.TryAddSingleton<UpstreamPipeline>();
        services.TryAddSingleton<IUpstreamPipeline>(sp => sp.GetRequiredService<UpstreamPipeline>());
        services.TryAddSingleton<IUpstreamBudgetMonitor>(sp => sp.GetRequiredService<UpstreamPipeline>());
        services.TryAddSingleton<IUpstreamQuotaReporter>(sp => sp.GetRequiredService<UpstreamPipeline>());
    }
}
