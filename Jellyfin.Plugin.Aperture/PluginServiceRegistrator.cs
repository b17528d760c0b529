using System;
using System.IO;
using System.Net.Http;
using Jellyfin.Plugin.Aperture.AiPicks;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Library;
using Jellyfin.Plugin.Aperture.Storage;
using Jellyfin.Plugin.Aperture.TopPicks;
using Jellyfin.Plugin.Aperture.TraktSync;
using Jellyfin.Plugin.Aperture.TraktWatchlist;
using MediaBrowser.Common.Configuration;
using MediaBrowser.Controller;
using MediaBrowser.Controller.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Jellyfin.Plugin.Aperture;

/// <summary>
/// All of Aperture's dependency-injection wiring, in one place. Jellyfin runs this before it creates the plugin,
/// so nothing here may touch <see cref="Plugin.Instance"/>.
/// </summary>
public class PluginServiceRegistrator : IPluginServiceRegistrator
{
    /// <summary>The folder, under Jellyfin's plugin configurations, that holds Aperture's database and key.</summary>
    public const string DataFolderName = "Aperture";

    /// <inheritdoc />
    public void RegisterServices(IServiceCollection serviceCollection, IServerApplicationHost applicationHost)
    {
        // Beside the plugin configurations rather than in the versioned plugin folder, so updates keep the data.
        serviceCollection.AddSingleton(sp => new AperturePaths(
            Path.Combine(sp.GetRequiredService<IApplicationPaths>().PluginConfigurationsPath, DataFolderName)));
        serviceCollection.AddSingleton<IPluginConfigurationStore, PluginConfigurationStore>();
        serviceCollection.AddSingleton<IAlertNotifier, ActivityLogAlertNotifier>();

        // Enrichment's Jellyfin adapters. The providers, the scheduled task and the post-scan step
        // (EnrichAfterScanTask) are found by Jellyfin itself: in 10.11 FindParts creates every public concrete
        // ILibraryPostScanTask, IScheduledTask and IMetadataProvider of the plugin assembly with constructor
        // injection (GetExports), so registering them here would only make a second, unused instance.
        serviceCollection.AddSingleton<LibraryItemReader>();
        serviceCollection.AddSingleton<IEnrichmentApplier, JellyfinEnrichmentApplier>();
        serviceCollection.AddSingleton<IEnrichmentTaskLauncher, JellyfinEnrichmentTaskLauncher>();
        serviceCollection.AddSingleton<ScanEnricher>();

        // Images: during a scan the image provider answers from the cache and queues misses; the fetcher fills the
        // cache in the background and has Jellyfin fill the items' missing images.
        serviceCollection.AddSingleton<ILibraryScanState, JellyfinLibraryScanState>();
        serviceCollection.AddSingleton<IImageRefreshRequester, JellyfinImageRefreshRequester>();
        serviceCollection.AddSingleton<ArtworkCache>();
        serviceCollection.AddSingleton<ArtworkBacklog>();
        serviceCollection.AddHostedService<ArtworkFetcher>();

        // Jellyfin downloads the chosen TMDb images through this client. Configured on purpose rather than left to
        // the factory's defaults: a bounded timeout instead of 100 s, redirects followed only within https (an image
        // CDN may redirect; a downgrade to http is refused by the handler), and no logging handlers, which would
        // write every image URL.
        serviceCollection.AddHttpClient(TmdbImageProvider.HttpClientName, client => client.Timeout = TmdbImageProvider.DownloadTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 3,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RemoveAllLoggers();
        // Trakt rating sync's Jellyfin side: user ratings, the task launcher, and the listener that records local
        // rating changes (the "Sync Trakt ratings" task itself is found by Jellyfin, like the enrichment task).
        serviceCollection.AddSingleton<OwnRatingWrites>();
        serviceCollection.AddSingleton<IUserRatingsLibrary, JellyfinUserRatings>();
        serviceCollection.AddSingleton<IRatingsSyncLauncher, JellyfinRatingsSyncLauncher>();
        serviceCollection.AddSingleton<RatingsSyncRunner>();
        serviceCollection.AddSingleton<RatingsSyncDebouncer>();
        serviceCollection.AddHostedService<UserRatingListener>();

        // Trakt watchlist ↔ playlist and suggestions: the users' playlists, the syncs and their runner (the "Sync
        // Trakt watchlist" task is found by Jellyfin).
        serviceCollection.AddSingleton<IUserPlaylists, JellyfinPlaylists>();
        serviceCollection.AddSingleton<WatchlistSync>();
        serviceCollection.AddSingleton<SuggestionsSync>();
        serviceCollection.AddSingleton<WatchlistSyncRunner>();

        // Top Picks' Jellyfin side: the library's ids, the collections, and Run now (the task is found by Jellyfin).
        serviceCollection.AddSingleton<ITopPicksLibrary, JellyfinTopPicksLibrary>();
        serviceCollection.AddSingleton<ITopPicksCollections, JellyfinTopPicksCollections>();
        serviceCollection.AddSingleton<ITopPicksLauncher, JellyfinTopPicksLauncher>();
        serviceCollection.AddSingleton<TopPicksSync>();

        // AI picks (issue 11): the Jellyfin side and the runner (the "Refresh AI picks" task is found by Jellyfin).
        serviceCollection.AddSingleton<IPicksLibrary, JellyfinPicksLibrary>();
        serviceCollection.AddSingleton<MoodTagger>();
        serviceCollection.AddSingleton<PicksRunner>();

        // Seerr discovery: open requests refreshed against the users' libraries (the task is found by Jellyfin).
        serviceCollection.AddSingleton<SeerrRequestRefresh>();
        ApertureServices.Add(serviceCollection);
    }
}
