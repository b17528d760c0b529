using System;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.TraktSync;
using Jellyfin.Plugin.Aperture.TraktWatchlist;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktWatchlist;

/// <summary>
/// A user's Trakt watchlist and their Jellyfin playlist kept the same both ways, against the stateful Trakt
/// emulator: what each side does reaches the other, nothing echoes, failed writes are retried and never reverted,
/// the account limit holds adds back with an alert, and a quiet sync costs one call.
/// </summary>
public sealed class WatchlistSyncTests : IAsyncLifetime
{
    private readonly WatchlistHost _h = new();

    public Task InitializeAsync() => _h.InitializeAsync();

    public Task DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task First_sync_makes_the_users_private_playlist_from_the_watchlist_and_stores_the_missing_titles()
    {
        var matrix = _h.AddMovie(603, "tt0133093");
        var office = _h.AddSeries(73244, episodes: 3);
        _h.AddMovie(550);
        _h.OnTrakt(new TraktListedTitle("movie", "The Matrix", 1999, null, "tt0133093"));
        _h.OnTrakt(new TraktListedTitle("movie", "Dune: Part Two", 2024, 693134));
        _h.OnTrakt(new TraktListedTitle("show", "The Office", 2005, null, null, 73244));

        var result = await _h.RunAsync();

        Assert.True(result.Completed, result.Error);
        var playlist = Assert.Single(_h.Playlists.Of(_h.UserId));
        Assert.Equal(TraktPlaylistOptions.DefaultWatchlistPlaylist, playlist.Name);
        Assert.Equal([matrix, office], _h.Playlist());
        var missing = Assert.Single(_h.Host.Get<MissingTitleStore>().List(_h.UserId, MissingTitleSources.TraktWatchlist));
        Assert.Equal(("Dune: Part Two", 2024, 693134L), (missing.Title.Title, missing.Title.Year, missing.Title.Tmdb!.Value));
        Assert.Equal("2 added to the playlist, 1 not in the library", _h.LastRun().Summary);
        Assert.Empty(_h.Trakt.WatchlistWrites);
    }

    [Fact]
    public async Task A_title_added_on_Trakt_joins_the_playlist_and_one_removed_on_Trakt_leaves_it()
    {
        var matrix = _h.AddMovie(603);
        var fight = _h.AddMovie(550);
        _h.OnTrakt(new TraktListedTitle("movie", "The Matrix", 1999, 603));
        await _h.RunAsync();

        _h.OnTrakt(new TraktListedTitle("movie", "Fight Club", 1999, 550));
        _h.OffTrakt("movie", tmdb: 603);
        var result = await _h.RunAsync();

        Assert.Equal([fight], _h.Playlist());
        Assert.Equal((1, 1, 0, 0), (result.AddedToPlaylist, result.RemovedFromPlaylist, result.SentToTrakt, result.RemovedFromTrakt));
        Assert.DoesNotContain(matrix, _h.Playlist());
        Assert.Empty(_h.Trakt.WatchlistWrites);
    }

    [Fact]
    public async Task A_title_the_user_puts_on_the_playlist_reaches_Trakt_and_one_taken_off_is_removed_there()
    {
        var matrix = _h.AddMovie(603);
        var fight = _h.AddMovie(550);
        _h.OnTrakt(new TraktListedTitle("movie", "The Matrix", 1999, 603));
        await _h.RunAsync();
        var playlist = _h.PlaylistId()!.Value;

        _h.Playlists.UserAdds(playlist, fight);
        _h.Playlists.UserRemoves(playlist, matrix);
        var result = await _h.RunAsync();

        Assert.Equal([550L], _h.TraktMovies());
        Assert.Equal((1, 1), (result.SentToTrakt, result.RemovedFromTrakt));
        Assert.Equal([fight], _h.Playlist());
        Assert.Equal("1 sent to Trakt, 1 removed from Trakt", _h.LastRun().Summary);
    }

    [Fact]
    public async Task Removing_every_episode_of_a_series_from_the_playlist_removes_the_show_from_Trakt_but_one_episode_left_keeps_it()
    {
        var office = _h.AddSeries(73244, episodes: 2);
        _h.OnTrakt(new TraktListedTitle("show", "The Office", 2005, null, null, 73244));
        await _h.RunAsync();
        var playlist = _h.PlaylistId()!.Value;
        var episodes = _h.Playlists.Episodes[office];

        // One episode gone: the series is still on the playlist.
        _h.Playlists.UserRemoves(playlist, office);
        _h.Playlists.UserAdds(playlist, episodes[1]);
        await _h.RunAsync();
        Assert.Single(_h.Trakt.WatchlistOf(_h.AccessToken));

        _h.Playlists.UserRemoves(playlist, office);
        await _h.RunAsync();
        Assert.Empty(_h.Trakt.WatchlistOf(_h.AccessToken));
    }

    [Fact]
    public async Task After_a_round_trip_nothing_echoes_and_a_quiet_sync_makes_only_the_last_activities_call()
    {
        _h.AddMovie(603);
        var fight = _h.AddMovie(550);
        _h.OnTrakt(new TraktListedTitle("movie", "The Matrix", 1999, 603));
        await _h.RunAsync();
        _h.Playlists.UserAdds(_h.PlaylistId()!.Value, fight);
        await _h.RunAsync();
        var writes = _h.Trakt.WatchlistWrites.Count;

        // Our own write moved watchlisted_at: one pull finds both sides agree and writes nothing.
        var echo = await _h.RunAsync();
        Assert.True(echo.Pulled);
        Assert.Equal((0, 0, 0, 0), (echo.AddedToPlaylist, echo.RemovedFromPlaylist, echo.SentToTrakt, echo.RemovedFromTrakt));
        Assert.Equal(writes, _h.Trakt.WatchlistWrites.Count);

        var quiet = await _h.RunAsync();
        Assert.False(quiet.Pulled);
        Assert.Equal(["GET /sync/last_activities"], _h.LastRunCalls.Where(c => !c.Contains("/recommendations/", StringComparison.Ordinal)));
        Assert.Equal("Nothing changed", _h.LastRun().Summary);
    }

    [Fact]
    public async Task A_failed_write_stays_pending_is_not_reverted_and_is_sent_by_the_next_sync()
    {
        var matrix = _h.AddMovie(603);
        var fight = _h.AddMovie(550);
        _h.OnTrakt(new TraktListedTitle("movie", "The Matrix", 1999, 603));
        await _h.RunAsync();
        var playlist = _h.PlaylistId()!.Value;
        _h.Playlists.UserAdds(playlist, fight);
        _h.Playlists.UserRemoves(playlist, matrix);

        _h.Trakt.FailNextWrites(2);
        var failed = await _h.RunAsync();
        Assert.Equal(2, failed.Pending);
        Assert.Equal([603L], _h.TraktMovies());
        Assert.Equal([fight], _h.Playlist());
        Assert.Contains("2 waiting to be sent to Trakt", _h.LastRun().Summary, StringComparison.Ordinal);

        var retried = await _h.RunAsync();
        Assert.Equal((1, 1, 0), (retried.SentToTrakt, retried.RemovedFromTrakt, retried.Pending));
        Assert.Equal([550L], _h.TraktMovies());
        Assert.Equal([fight], _h.Playlist());
    }

    [Fact]
    public async Task Adds_over_the_account_limit_are_not_sent_raise_an_alert_naming_the_user_and_clear_when_they_fit()
    {
        var matrix = _h.AddMovie(603);
        var fight = _h.AddMovie(550);
        _h.OnTrakt(new TraktListedTitle("movie", "The Matrix", 1999, 603));
        _h.OnTrakt(new TraktListedTitle("movie", "Not here", 2001, 1));
        _h.Trakt.Limits = _h.Trakt.Limits with { WatchlistItemCount = 2 };
        await _h.RunAsync();
        _h.Playlists.UserAdds(_h.PlaylistId()!.Value, fight);

        var held = await _h.RunAsync();

        Assert.Equal((0, 1), (held.SentToTrakt, held.Pending));
        Assert.Empty(_h.Trakt.WatchlistWrites);
        Assert.Equal([matrix, fight], _h.Playlist());
        Assert.Contains("this Trakt account allows 2", _h.LastRun().Summary, StringComparison.Ordinal);
        var alert = Assert.Single(_h.Host.Get<AlertStore>().ListOpen(), a => a.Kind == AlertKind.AccountLimit);
        Assert.Contains("alice", alert.Message, StringComparison.Ordinal);

        // The user makes room on Trakt: the held title goes out and the alert closes.
        _h.OffTrakt("movie", tmdb: 1);
        var sent = await _h.RunAsync();
        Assert.Equal(1, sent.SentToTrakt);
        Assert.Equal([603L, 550L], _h.TraktMovies());
        Assert.DoesNotContain(_h.Host.Get<AlertStore>().ListOpen(), a => a.Kind == AlertKind.AccountLimit);
    }

    [Fact]
    public async Task A_renamed_playlist_is_kept_and_a_deleted_one_is_made_again_without_touching_Trakt()
    {
        var matrix = _h.AddMovie(603);
        _h.OnTrakt(new TraktListedTitle("movie", "The Matrix", 1999, 603));
        await _h.RunAsync();
        var first = _h.PlaylistId()!.Value;

        _h.Playlists.UserRenames(first, "My list");
        await _h.RunAsync();
        Assert.Equal(first, Assert.Single(_h.Playlists.Of(_h.UserId)).Id);

        _h.Playlists.UserDeletes(first);
        await _h.RunAsync();
        var again = Assert.Single(_h.Playlists.Of(_h.UserId));
        Assert.NotEqual(first, again.Id);
        Assert.Equal([matrix], _h.Playlist());
        Assert.Equal([603L], _h.TraktMovies());
        Assert.Empty(_h.Trakt.WatchlistWrites);
    }

    [Fact]
    public async Task A_title_that_leaves_the_library_stays_on_Trakt_and_becomes_missing()
    {
        var matrix = _h.AddMovie(603);
        _h.OnTrakt(new TraktListedTitle("movie", "The Matrix", 1999, 603));
        await _h.RunAsync();

        _h.RemoveFromLibrary(matrix);
        _h.Playlists.UserRemoves(_h.PlaylistId()!.Value, matrix);
        _h.OnTrakt(new TraktListedTitle("movie", "Other", 2000, 2));
        await _h.RunAsync();

        Assert.Equal([603L, 2L], _h.TraktMovies());
        Assert.Equal(2, _h.Host.Get<MissingTitleStore>().List(_h.UserId, MissingTitleSources.TraktWatchlist).Count);
    }

    [Fact]
    public async Task A_failed_watchlist_read_changes_nothing_and_is_recorded()
    {
        _h.AddMovie(603);
        _h.OnTrakt(new TraktListedTitle("movie", "The Matrix", 1999, 603));
        _h.Trakt.Mode = FaultMode.Outage;

        var result = await _h.RunAsync();

        Assert.False(result.Completed);
        Assert.Empty(_h.Playlists.Of(_h.UserId));
        Assert.False(_h.LastRun().Succeeded);
        Assert.StartsWith("Stopped: ", _h.LastRun().Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggestions_in_the_library_fill_their_playlist_in_Trakts_order_and_the_rest_are_stored_as_missing()
    {
        var matrix = _h.AddMovie(603);
        var fight = _h.AddMovie(550);
        _h.Trakt.SetRecommendations(_h.AccessToken, [
            new TraktListedTitle("movie", "Fight Club", 1999, 550),
            new TraktListedTitle("movie", "Not here", 2001, 1),
            new TraktListedTitle("movie", "The Matrix", 1999, 603),
        ]);

        await _h.RunAsync();

        Assert.Equal([fight, matrix], _h.Playlist(TraktSyncFeatures.Suggestions));
        Assert.Equal(TraktPlaylistOptions.DefaultSuggestionsPlaylist, _h.Playlists.Of(_h.UserId).Single(p => p.Id == _h.PlaylistId(TraktSyncFeatures.Suggestions)).Name);
        Assert.Equal("Not here", Assert.Single(_h.Host.Get<MissingTitleStore>().List(_h.UserId, MissingTitleSources.TraktSuggestions)).Title.Title);
        Assert.Equal("2 in the library on the playlist, 1 not in the library", _h.LastRun(TraktSyncFeatures.Suggestions).Summary);

        // Next run Trakt suggests other titles: the playlist is replaced, not appended to.
        _h.Trakt.SetRecommendations(_h.AccessToken, [new TraktListedTitle("movie", "The Matrix", 1999, 603)]);
        await _h.RunAsync();
        Assert.Equal([matrix], _h.Playlist(TraktSyncFeatures.Suggestions));
        Assert.Empty(_h.Host.Get<MissingTitleStore>().List(_h.UserId, MissingTitleSources.TraktSuggestions));
    }

    [Fact]
    public async Task A_failed_suggestions_read_keeps_the_playlist_and_the_stored_list()
    {
        var matrix = _h.AddMovie(603);
        _h.Trakt.SetRecommendations(_h.AccessToken, [new TraktListedTitle("movie", "The Matrix", 1999, 603), new TraktListedTitle("movie", "Not here", 2001, 1)]);
        await _h.RunAsync();

        _h.Trakt.Mode = FaultMode.Outage;
        await _h.RunAsync();

        Assert.Equal([matrix], _h.Playlist(TraktSyncFeatures.Suggestions));
        Assert.Single(_h.Host.Get<MissingTitleStore>().List(_h.UserId, MissingTitleSources.TraktSuggestions));
    }

    [Fact]
    public async Task Playlist_names_come_from_the_Trakt_settings_and_suggestions_can_be_turned_off()
    {
        _h.AddMovie(603);
        _h.SetOptions((TraktPlaylistOptions.WatchlistPlaylist, "To watch"), (TraktPlaylistOptions.Suggestions, "off"));
        _h.OnTrakt(new TraktListedTitle("movie", "The Matrix", 1999, 603));
        _h.Trakt.SetRecommendations(_h.AccessToken, [new TraktListedTitle("movie", "The Matrix", 1999, 603)]);

        await _h.RunAsync();

        Assert.Equal("To watch", Assert.Single(_h.Playlists.Of(_h.UserId)).Name);
        Assert.DoesNotContain(_h.LastRunCalls, c => c.Contains("/recommendations/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_playlist_setting_is_refused_with_a_clear_error_and_the_saved_settings_stay()
    {
        _h.SetOptions((TraktPlaylistOptions.WatchlistPlaylist, "To watch"));
        var service = _h.Host.Get<IntegrationSettingsService>();

        var maybe = new IntegrationSettings { Id = IntegrationIds.Trakt, BaseUrl = _h.Trakt.BaseUrl.AbsoluteUri };
        maybe.Options.Add(new IntegrationOption { Name = TraktPlaylistOptions.Suggestions, Value = "maybe" });
        Assert.Equal("Trakt: Suggestions playlist on must be one of: on, off.", service.Update(maybe));

        var longName = new IntegrationSettings { Id = IntegrationIds.Trakt, BaseUrl = _h.Trakt.BaseUrl.AbsoluteUri };
        longName.Options.Add(new IntegrationOption { Name = TraktPlaylistOptions.WatchlistPlaylist, Value = new string('x', 101) });
        Assert.Equal("Trakt: Watchlist playlist must be at most 100 characters.", service.Update(longName));

        Assert.Equal("To watch", service.GetOptions(IntegrationIds.Trakt)[TraktPlaylistOptions.WatchlistPlaylist]);
        Assert.Equal("on", service.GetOptions(IntegrationIds.Trakt)[TraktPlaylistOptions.Suggestions]);
    }

    [Fact]
    public async Task One_users_failure_is_recorded_for_them_and_does_not_stop_the_next_user()
    {
        // Users run in id order: this one goes first.
        var first = new Guid("00000000-0000-0000-0000-000000000001");
        var firstToken = await _h.LinkAsync(first);
        var matrix = _h.AddMovie(603);
        _h.OnTrakt(new TraktListedTitle("movie", "The Matrix", 1999, 603));
        _h.Trakt.AddToWatchlistOnTrakt(firstToken, new TraktListedTitle("movie", "The Matrix", 1999, 603));
        _h.Playlists.Broken.Add(first);

        var results = await _h.RunAllAsync();

        Assert.False(results.ContainsKey(first));
        var failed = _h.Host.Get<TraktSyncLog>().Read(first).Single(r => r.Feature == TraktSyncFeatures.Watchlist);
        Assert.False(failed.Succeeded);
        Assert.True(results[_h.UserId].Completed);
        Assert.Equal([matrix], _h.Playlist());
    }
}
