using System;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// One library item as the sync sees it on the Jellyfin side: its ids, the user's rating on Trakt's scale (see
/// <see cref="TraktRatingScale"/>) or null when unrated, and when Aperture saw that value change (Jellyfin does not
/// record when a rating changed).
/// </summary>
/// <param name="Kind">Movie or show.</param>
/// <param name="Ids">The item's provider ids.</param>
/// <param name="Value">The rating 1–10, or null when unrated.</param>
/// <param name="ChangedAt">When the value last changed, if known.</param>
public sealed record LocalRating(RatingKind Kind, TraktIds Ids, int? Value, DateTimeOffset? ChangedAt)
{
    /// <summary>Gets the snapshot key, or null when the item has no usable id.</summary>
    public RatingKey? Key => RatingKey.For(Kind, Ids);
}
