using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.TraktSync;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>One user's watchlist-sync state as stored.</summary>
/// <param name="HasSynced">Whether a sync has completed before.</param>
/// <param name="Activity">Trakt's <c>watchlisted_at</c> mark at the last sync.</param>
/// <param name="Snapshot">The library titles both sides held after the last sync.</param>
/// <param name="Unknown">Titles Trakt said it does not know: not sent again while they stay on the playlist.</param>
/// <param name="TraktCount">How many titles the Trakt watchlist held (library or not).</param>
/// <param name="HeldReason">Why adds were held back at the last sync (account limit), or null.</param>
public sealed record WatchlistSyncState(
    bool HasSynced,
    string? Activity,
    IReadOnlySet<RatingKey> Snapshot,
    IReadOnlySet<RatingKey> Unknown,
    int TraktCount,
    string? HeldReason);
