using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Common;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Jellyfin.Plugin.Aperture.TraktSync;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>
/// Runs the watchlist sync and then the suggestions for every linked user, records each run in
/// <see cref="TraktSyncLog"/> (the user page's "last sync"), and keeps the account-limit alert in step with the users
/// whose adds are held back. One user's failure does not stop the others.
/// </summary>
public sealed class WatchlistSyncRunner
{
    private readonly WatchlistSync _watchlist;
    private readonly SuggestionsSync _suggestions;
    private readonly IUserRatingsLibrary _library;
    private readonly IUserPlaylists _playlists;
    private readonly WatchlistSyncStore _store;
    private readonly AccountLimitAlert _alert;
    private readonly TraktSyncLog _log;
    private readonly TraktAccountStore _accounts;
    private readonly TraktUserApis _apis;
    private readonly TimeProvider _time;
    private readonly ILogger<WatchlistSyncRunner> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="WatchlistSyncRunner"/> class.
    /// </summary>
    /// <param name="watchlist">The per-user watchlist sync.</param>
    /// <param name="suggestions">The per-user suggestions.</param>
    /// <param name="library">The library's movies and series.</param>
    /// <param name="playlists">The users' playlists (for user names).</param>
    /// <param name="store">The watchlist sync state.</param>
    /// <param name="alert">The account-limit alert.</param>
    /// <param name="log">The per-user run log.</param>
    /// <param name="accounts">The linked accounts.</param>
    /// <param name="apis">Builds each linked user's Trakt API.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public WatchlistSyncRunner(
        WatchlistSync watchlist,
        SuggestionsSync suggestions,
        IUserRatingsLibrary library,
        IUserPlaylists playlists,
        WatchlistSyncStore store,
        AccountLimitAlert alert,
        TraktSyncLog log,
        TraktAccountStore accounts,
        TraktUserApis apis,
        TimeProvider time,
        ILogger<WatchlistSyncRunner> logger)
    {
        _watchlist = watchlist;
        _suggestions = suggestions;
        _library = library;
        _playlists = playlists;
        _store = store;
        _alert = alert;
        _log = log;
        _accounts = accounts;
        _apis = apis;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Syncs every linked user; users marked "link again" are skipped.
    /// </summary>
    /// <param name="progress">Progress, 0–100.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The watchlist result per user that was synced.</returns>
    public async Task<IReadOnlyDictionary<Guid, WatchlistSyncResult>> RunAllAsync(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var users = _accounts.List().Where(a => a.State == TraktLinkState.Linked).Select(a => a.UserId).ToList();
        var results = new Dictionary<Guid, WatchlistSyncResult>();
        for (var i = 0; i < users.Count; i++)
        {
            try
            {
                if (await RunUserAsync(users[i], cancellationToken).ConfigureAwait(false) is { } result)
                {
                    results[users[i]] = result;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One user's failure (a playlist Jellyfin refused, a database hiccup) must not stop the others.
                _logger.LogError(ex, "Trakt watchlist sync failed for user {UserId}", users[i]);
                _log.Record(users[i], new TraktSyncRun(TraktSyncFeatures.Watchlist, _time.GetUtcNow(), false, "Stopped: an unexpected error; see the server log."));
            }

            progress?.Report(100.0 * (i + 1) / users.Count);
        }

        UpdateAlert();
        progress?.Report(100);
        return results;
    }

    /// <summary>
    /// Syncs one user's watchlist, then their suggestions when they are on.
    /// </summary>
    /// <param name="userId">The Jellyfin user.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The watchlist result, or null when the user was skipped.</returns>
    public async Task<WatchlistSyncResult?> RunUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var (api, skipped) = await _apis.ForUserAsync(userId, cancellationToken).ConfigureAwait(false);
        if (api is null)
        {
            _logger.LogInformation("Trakt watchlist sync skipped for user {UserId}: {Reason}", userId, skipped);
            return null;
        }

        var client = new TraktWatchlistClient(api, _logger);
        var library = _library.Read(userId).Select(i => new LibraryTitle(i.ItemId, i.Kind, i.Ids)).ToList();

        var result = await _watchlist.RunAsync(
            userId,
            client,
            library,
            TraktPlaylistOptions.Name(api.Options, TraktPlaylistOptions.WatchlistPlaylist, TraktPlaylistOptions.DefaultWatchlistPlaylist),
            cancellationToken).ConfigureAwait(false);
        _log.Record(userId, new TraktSyncRun(TraktSyncFeatures.Watchlist, _time.GetUtcNow(), result.Completed, result.Summary()));

        if (TraktPlaylistOptions.SuggestionsOn(api.Options))
        {
            var suggestions = await _suggestions.RunAsync(
                userId,
                client,
                library,
                TraktPlaylistOptions.Name(api.Options, TraktPlaylistOptions.SuggestionsPlaylist, TraktPlaylistOptions.DefaultSuggestionsPlaylist),
                cancellationToken).ConfigureAwait(false);
            _log.Record(userId, new TraktSyncRun(TraktSyncFeatures.Suggestions, _time.GetUtcNow(), suggestions.Completed, suggestions.Summary()));
        }

        return result;
    }

    /// <summary>
    /// Opens the account-limit alert naming every user whose adds are held back, or closes it when none is.
    /// </summary>
    public void UpdateAlert()
    {
        // Only linked users count: an unlinked user's last state says nothing about an account Aperture no longer uses.
        var linked = _accounts.List().Where(a => a.State == TraktLinkState.Linked).Select(a => a.UserId).ToHashSet();
        var held = _store.HeldUsers().Where(pair => linked.Contains(pair.Key)).ToList();
        if (held.Count == 0)
        {
            _alert.Clear();
            return;
        }

        _alert.Open(string.Join(" ", held.Select(pair => "Trakt watchlist of " + (_playlists.UserName(pair.Key) ?? pair.Key.ToString("N")) + ": " + pair.Value)));
    }
}
