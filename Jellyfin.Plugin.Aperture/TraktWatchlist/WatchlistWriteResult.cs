using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.TraktSync;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>What Trakt did with a watchlist write.</summary>
/// <param name="Done">Titles Trakt added (or already had) or removed.</param>
/// <param name="NotFound">Titles Trakt does not know.</param>
/// <param name="Failed">Titles not written because a call failed; they are sent again next sync.</param>
/// <param name="Error">Why a call failed, or null.</param>
public sealed record WatchlistWriteResult(IReadOnlySet<RatingKey> Done, IReadOnlySet<RatingKey> NotFound, IReadOnlySet<RatingKey> Failed, string? Error)
{
    /// <summary>Gets a result for nothing sent.</summary>
    public static WatchlistWriteResult None { get; } = new(new HashSet<RatingKey>(), new HashSet<RatingKey>(), new HashSet<RatingKey>(), null);
}
