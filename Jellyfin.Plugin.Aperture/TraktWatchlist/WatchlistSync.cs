using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.TraktSync;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>
/// One user's Trakt watchlist ↔ Jellyfin playlist sync, three ways against the titles both sides last agreed on:
/// a title Trakt gained or lost is added to or removed from the playlist, a title the playlist gained or lost is
/// added to or removed from Trakt, and the snapshot moves only where both sides now agree, so nothing echoes and a
/// failed write is simply found again (and sent) next time instead of being reverted. When Trakt's
/// <c>watchlisted_at</c> did not move and the playlist still matches the snapshot, the sync ends after that one call.
/// Watchlist titles the library lacks are stored as missing for Discovery.
/// </summary>
public sealed class WatchlistSync
{
    private readonly WatchlistSyncStore _store;
    private readonly MissingTitleStore _missing;
    private readonly IUserPlaylists _playlists;
    private readonly TimeProvider _time;
    private readonly ILogger<WatchlistSync> _logger;
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _users = new();

    /// <summary>
    /// Initializes a new instance of the <see cref="WatchlistSync"/> class.
    /// </summary>
    /// <param name="store">The sync state.</param>
    /// <param name="missing">Where missing titles go.</param>
    /// <param name="playlists">The users' playlists.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public WatchlistSync(WatchlistSyncStore store, MissingTitleStore missing, IUserPlaylists playlists, TimeProvider time, ILogger<WatchlistSync> logger)
    {
        _store = store;
        _missing = missing;
        _playlists = playlists;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Syncs one user's watchlist with their playlist.
    /// </summary>
    /// <param name="userId">The Jellyfin user.</param>
    /// <param name="client">The user's Trakt client.</param>
    /// <param name="library">Every library movie and series.</param>
    /// <param name="playlistName">The name a new playlist gets.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What happened.</returns>
    public async Task<WatchlistSyncResult> RunAsync(Guid userId, TraktWatchlistClient client, IReadOnlyList<LibraryTitle> library, string playlistName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(library);
        var gate = _users.GetOrAdd(userId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunOnceAsync(userId, client, library, playlistName, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private static HashSet<RatingKey> KeysOf(IEnumerable<PlaylistEntry> entries, Dictionary<Guid, RatingKey> keyOfItem) =>
        entries.Select(e => keyOfItem.TryGetValue(e.TitleId, out var key) ? key : (RatingKey?)null).OfType<RatingKey>().ToHashSet();

    private static MissingTitle Missing(ListedTitle title, int rank) => new(
        title.Kind == RatingKind.Movie ? MissingTitle.Movie : MissingTitle.Show,
        title.Title,
        title.Year,
        title.Ids.Imdb,
        title.Ids.Tmdb,
        title.Ids.Tvdb,
        rank);

    private async Task<WatchlistSyncResult> RunOnceAsync(Guid userId, TraktWatchlistClient client, IReadOnlyList<LibraryTitle> library, string playlistName, CancellationToken cancellationToken)
    {
        var state = _store.Load(userId);
        var byKey = new Dictionary<RatingKey, LibraryTitle>();
        var keyOfItem = new Dictionary<Guid, RatingKey>();
        foreach (var title in library)
        {
            if (title.Key is { } key)
            {
                byKey.TryAdd(key, title);
                keyOfItem[title.ItemId] = key;
            }
        }

        var playlistId = _store.GetPlaylist(userId, TraktSyncFeatures.Watchlist);
        var entries = playlistId is { } id ? await _playlists.ReadAsync(userId, id, cancellationToken).ConfigureAwait(false) : null;

        // A title that left the library also left the playlist; that is no reason to take it off the Trakt watchlist.
        var snapshot = state.Snapshot.Where(byKey.ContainsKey).ToHashSet();

        // A deleted playlist is made again with what it held, not taken as the user emptying the watchlist.
        var local = entries is null ? new HashSet<RatingKey>(snapshot) : KeysOf(entries, keyOfItem);

        var activity = await client.GetActivityAsync(cancellationToken).ConfigureAwait(false);
        if (activity.Value is not { } mark)
        {
            return WatchlistSyncResult.Failed(activity.Error ?? "Trakt's last activities could not be read.");
        }

        var pull = !state.HasSynced || mark != state.Activity;
        var playlistGone = entries is null && snapshot.Count > 0;
        if (!pull && !playlistGone && local.Except(state.Unknown).ToHashSet().SetEquals(snapshot))
        {
            return new WatchlistSyncResult();
        }

        var remote = new List<RatingKey>();
        var traktCount = state.TraktCount;
        List<MissingTitle>? missing = null;
        if (pull)
        {
            var matcher = new RatingKeyMatcher(library.Select(t => new LocalRating(t.Kind, t.Ids, null, null)));
            missing = [];
            traktCount = 0;
            foreach (var kind in new[] { RatingKind.Movie, RatingKind.Show })
            {
                var answer = await client.GetWatchlistAsync(kind, cancellationToken).ConfigureAwait(false);
                if (answer.Value is not { } titles)
                {
                    return WatchlistSyncResult.Failed(answer.Error ?? "Trakt's watchlist could not be read.");
                }

                foreach (var title in titles)
                {
                    traktCount++;
                    if (matcher.Match(kind, title.Ids) is { } key)
                    {
                        remote.Add(key);
                    }
                    else
                    {
                        missing.Add(Missing(title, missing.Count + 1));
                    }
                }
            }
        }
        else
        {
            // Trakt did not change since the last sync: it holds what the snapshot says (a failed write never
            // moved the snapshot).
            remote.AddRange(snapshot);
        }

        var remoteSet = remote.ToHashSet();
        var traktAdds = remote.Distinct().Where(k => !snapshot.Contains(k) && !local.Contains(k)).ToList();
        var traktRemoves = snapshot.Where(k => !remoteSet.Contains(k) && local.Contains(k)).ToHashSet();
        var localAdds = local.Where(k => !snapshot.Contains(k) && !remoteSet.Contains(k) && !state.Unknown.Contains(k)).ToList();
        var localRemoves = snapshot.Where(k => !local.Contains(k) && remoteSet.Contains(k)).ToList();

        // Removals first: they make room under the account's watchlist limit.
        WatchlistChange Change(RatingKey key) => new(key, byKey[key].Kind, byKey[key].Ids);
        var removed = localRemoves.Count > 0
            ? await client.RemoveAsync(localRemoves.Select(Change).ToList(), cancellationToken).ConfigureAwait(false)
            : WatchlistWriteResult.None;
        traktCount -= removed.Done.Count;

        var added = WatchlistWriteResult.None;
        string? held = null;
        if (localAdds.Count > 0)
        {
            var limit = await client.GetWatchlistLimitAsync(cancellationToken).ConfigureAwait(false);
            if (limit.Value is { } max && traktCount + localAdds.Count > max)
            {
                // Over the limit Trakt answers 420 and keeps nothing: nothing is sent, and the titles stay pending.
                held = string.Create(
                    CultureInfo.InvariantCulture,
                    $"{localAdds.Count} title(s) not sent to Trakt: the watchlist would hold {traktCount + localAdds.Count} titles and this Trakt account allows {max}.");
                _logger.LogWarning("Trakt watchlist for user {UserId}: {Reason}", userId, held);
            }
            else
            {
                if (!limit.Ok)
                {
                    _logger.LogInformation("Trakt watchlist for user {UserId}: the account's limits could not be read ({Error}); sending anyway", userId, limit.Error);
                }

                added = await client.AddAsync(localAdds.Select(Change).ToList(), cancellationToken).ConfigureAwait(false);
                traktCount += added.Done.Count;
            }
        }

        var localAfter = await ApplyToPlaylistAsync(userId, playlistId, entries, local, traktAdds, traktRemoves, byKey, keyOfItem, playlistName, cancellationToken).ConfigureAwait(false);

        var remoteAfter = remoteSet.Union(added.Done).Except(removed.Done).Except(removed.NotFound).ToHashSet();
        var snapshotAfter = localAfter.Intersect(remoteAfter).Union(removed.Failed).ToHashSet();
        var unknownAfter = state.Unknown.Union(added.NotFound).Where(localAfter.Contains).ToHashSet();
        var pending = localAdds.Count(k => !added.Done.Contains(k) && !added.NotFound.Contains(k)) + removed.Failed.Count;

        // The mark read before the pull is saved, not one read after the writes: a change made on Trakt meanwhile
        // must still look new next time. Our own writes move it too, so the next sync pulls once and finds nothing.
        _store.Save(userId, new WatchlistSyncState(true, mark, snapshotAfter, unknownAfter, Math.Max(traktCount, 0), held), _time.GetUtcNow());
        if (missing is not null)
        {
            _missing.Replace(MissingTitleSources.TraktWatchlist, TraktSyncFeatures.Watchlist, userId, missing, _time.GetUtcNow());
        }

        var result = new WatchlistSyncResult
        {
            Pulled = pull,
            AddedToPlaylist = traktAdds.Count(localAfter.Contains),
            RemovedFromPlaylist = traktRemoves.Count(k => !localAfter.Contains(k)),
            SentToTrakt = added.Done.Count,
            RemovedFromTrakt = removed.Done.Count + removed.NotFound.Count,
            Pending = pending,
            Missing = missing?.Count,
            HeldReason = held,
        };
        _logger.LogInformation("Trakt watchlist for user {UserId}: {Summary}", userId, result.Summary());
        return result;
    }

    private async Task<HashSet<RatingKey>> ApplyToPlaylistAsync(
        Guid userId,
        Guid? playlistId,
        IReadOnlyList<PlaylistEntry>? entries,
        HashSet<RatingKey> local,
        List<RatingKey> traktAdds,
        HashSet<RatingKey> traktRemoves,
        Dictionary<RatingKey, LibraryTitle> byKey,
        Dictionary<Guid, RatingKey> keyOfItem,
        string playlistName,
        CancellationToken cancellationToken)
    {
        var expected = local.Union(traktAdds).Except(traktRemoves).ToHashSet();
        if (entries is not null && traktAdds.Count == 0 && traktRemoves.Count == 0)
        {
            return local;
        }

        // Entries keep their order (and a series keeps only the episodes the user left on it); new titles go last.
        var items = entries is null
            ? local.Select(k => byKey[k].ItemId).ToList()
            : entries.Where(e => !(keyOfItem.TryGetValue(e.TitleId, out var key) && traktRemoves.Contains(key))).Select(e => e.ItemId).ToList();
        items.AddRange(traktAdds.Select(k => byKey[k].ItemId));
        if (entries is null && items.Count == 0)
        {
            return expected;
        }

        Guid id;
        if (entries is null || playlistId is null)
        {
            id = await _playlists.CreateAsync(userId, playlistName, items, cancellationToken).ConfigureAwait(false);
            _store.SetPlaylist(userId, TraktSyncFeatures.Watchlist, id);
        }
        else
        {
            id = playlistId.Value;
            await _playlists.SetItemsAsync(userId, id, items, cancellationToken).ConfigureAwait(false);
        }

        // What the playlist really holds now: a series with no episodes cannot be put on it, and such a title must
        // not count as agreed (it would later look like the user took it off).
        var after = await _playlists.ReadAsync(userId, id, cancellationToken).ConfigureAwait(false);
        return after is null ? expected : KeysOf(after, keyOfItem);
    }
}
