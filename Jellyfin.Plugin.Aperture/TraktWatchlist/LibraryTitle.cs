using System;
using Jellyfin.Plugin.Aperture.TraktSync;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>A library movie or series with the ids Trakt can match it by.</summary>
/// <param name="ItemId">The Jellyfin item id.</param>
/// <param name="Kind">Movie or show.</param>
/// <param name="Ids">Its provider ids.</param>
public sealed record LibraryTitle(Guid ItemId, RatingKind Kind, TraktIds Ids)
{
    /// <summary>Gets its key, or null when it has no id Trakt understands.</summary>
    public RatingKey? Key => RatingKey.For(Kind, Ids);
}
