using System;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>One library movie or series with a user's current Jellyfin rating, on Trakt's scale.</summary>
/// <param name="ItemId">The Jellyfin item id.</param>
/// <param name="Kind">Movie or show.</param>
/// <param name="Ids">Its provider ids.</param>
/// <param name="Value">The user's rating 1–10, or null when unrated.</param>
public sealed record UserRatedItem(Guid ItemId, RatingKind Kind, TraktIds Ids, int? Value);
