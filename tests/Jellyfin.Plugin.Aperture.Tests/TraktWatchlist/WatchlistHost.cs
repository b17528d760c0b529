using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Tests.Core;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Jellyfin.Plugin.Aperture.TraktSync;
using Jellyfin.Plugin.Aperture.TraktWatchlist;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktWatchlist;

/// <summary>
/// The watchlist sync wired as the plugin wires it (real pipeline with Trakt's limits, real database, the runner
/// and its task's run log and alert), against the Trakt emulator with one linked user, and with the library and
/// the user's playlists in memory. One attempt per call, so a failed write fails at once.
/// </summary>
public sealed class WatchlistHost : IAsyncLifetime
{
    private readonly ClockPump _pump = new();
    private readonly List<UserRatedItem> _items = [];
    private TraktEmulator? _trakt;
    private TestHost? _host;

    public Guid UserId { get; } = Guid.NewGuid();

    public FakePlaylists Playlists { get; } = new();

    public TraktEmulator Trakt => _trakt ?? throw new InvalidOperationException("Not started.");

    public TestHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public string AccessToken { get; private set; } = string.Empty;

    /// <summary>Gets the requests the last run made, as "GET /sync/last_activities".</summary>
    public IReadOnlyList<string> LastRunCalls { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _trakt = await TraktEmulator.StartAsync();
        _host = new TestHost(configure: services =>
        {
            services.AddSingleton(new UpstreamPipelineOptions { MaxAttempts = 1 });
            _pump.Watch(services);
            services.AddSingleton<IUserRatingsLibrary>(new Library(_items));
            services.AddSingleton<IUserPlaylists>(Playlists);
            services.AddSingleton<WatchlistSync>();
            services.AddSingleton<SuggestionsSync>();
            services.AddSingleton<WatchlistSyncRunner>();
        });
        _trakt.Clock = _host.Time;
        Assert.Null(_host.Get<IntegrationSettingsService>().Update(new IntegrationSettings { Id = IntegrationIds.Trakt, BaseUrl = _trakt.BaseUrl.AbsoluteUri }));
        _host.Get<CredentialStore>().Set(IntegrationIds.Trakt, new IntegrationCredentials(new Dictionary<string, string>
        {
            ["clientId"] = _trakt.ValidKey,
            ["clientSecret"] = _trakt.ClientSecret,
        }));
        Playlists.Names[UserId] = "alice";

        AccessToken = await LinkAsync(UserId);
    }

    /// <summary>Links a Jellyfin user's Trakt account through the device flow (approved at once).</summary>
    /// <param name="userId">The user.</param>
    /// <returns>The user's access token at the emulator.</returns>
    public async Task<string> LinkAsync(Guid userId)
    {
        Trakt.AutoApproveDeviceCodes = true;
        var link = Host.Get<TraktDeviceLink>();
        var start = await link.StartAsync(userId, CancellationToken.None);
        Assert.True(start.Started, start.Message);
        Host.Time.Advance(start.Pending!.Code.Interval);
        Assert.Equal(TraktLinkPollStatus.Linked, (await link.PollAsync(userId, CancellationToken.None)).Status);
        return Host.Get<TraktAccountStore>().Get(userId)!.Tokens!.AccessToken;
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        if (_trakt is not null)
        {
            await _trakt.DisposeAsync();
        }
    }

    public Guid AddMovie(long tmdb, string? imdb = null)
    {
        var id = Guid.NewGuid();
        _items.Add(new UserRatedItem(id, RatingKind.Movie, new TraktIds(null, imdb, tmdb), null));
        return id;
    }

    public Guid AddSeries(long tvdb, int episodes)
    {
        var id = Guid.NewGuid();
        _items.Add(new UserRatedItem(id, RatingKind.Show, new TraktIds(null, null, null, tvdb), null));
        Playlists.Episodes[id] = Enumerable.Range(0, episodes).Select(_ => Guid.NewGuid()).ToList();
        return id;
    }

    public void RemoveFromLibrary(Guid itemId) => _items.RemoveAll(i => i.ItemId == itemId);

    public void SetOptions(params (string Name, string Value)[] options)
    {
        var settings = new IntegrationSettings { Id = IntegrationIds.Trakt, BaseUrl = Trakt.BaseUrl.AbsoluteUri };
        foreach (var (name, value) in options)
        {
            settings.Options.Add(new IntegrationOption { Name = name, Value = value });
        }

        Assert.Null(Host.Get<IntegrationSettingsService>().Update(settings));
    }

    public void OnTrakt(TraktListedTitle title) => Trakt.AddToWatchlistOnTrakt(AccessToken, title);

    public void OffTrakt(string type, long? tmdb = null, long? tvdb = null) => Assert.True(Trakt.RemoveFromWatchlistOnTrakt(AccessToken, type, tmdb, null, tvdb));

    public IReadOnlyList<long?> TraktMovies() => Trakt.WatchlistOf(AccessToken).Where(t => t.Type == "movie").Select(t => t.Tmdb).ToList();

    public Guid? PlaylistId(string feature = TraktSyncFeatures.Watchlist) => Host.Get<WatchlistSyncStore>().GetPlaylist(UserId, feature);

    public IReadOnlyList<Guid> Playlist(string feature = TraktSyncFeatures.Watchlist) => Playlists.Titles(PlaylistId(feature)!.Value);

    public TraktSyncRun LastRun(string feature = TraktSyncFeatures.Watchlist) => Host.Get<TraktSyncLog>().Read(UserId).Single(r => r.Feature == feature);

    /// <summary>Runs the task's work for every linked user, as the scheduled task does.</summary>
    public async Task<WatchlistSyncResult> RunAsync() => (await RunAllAsync())[UserId];

    /// <summary>Runs the task's work for every linked user and returns every result.</summary>
    public async Task<IReadOnlyDictionary<Guid, WatchlistSyncResult>> RunAllAsync()
    {
        var before = Trakt.Requests.Count;
        var results = await _pump.RunAsync(Host.Time, Host.Get<WatchlistSyncRunner>().RunAllAsync(null, CancellationToken.None));
        LastRunCalls = Trakt.Requests.Skip(before).Select(r => r.Method + " " + r.Path).ToList();
        return results;
    }

    private sealed class Library(List<UserRatedItem> items) : IUserRatingsLibrary
    {
        public IReadOnlyList<UserRatedItem> Read(Guid userId) => items.ToList();

        public bool Apply(Guid userId, Guid itemId, int? value, CancellationToken cancellationToken) => false;
    }
}
