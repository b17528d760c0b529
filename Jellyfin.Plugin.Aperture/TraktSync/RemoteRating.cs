using System;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>One rating on Trakt.</summary>
/// <param name="Kind">Movie or show.</param>
/// <param name="Ids">Trakt's ids of the item.</param>
/// <param name="Value">The rating 1–10.</param>
/// <param name="RatedAt">Trakt's <c>rated_at</c>.</param>
public sealed record RemoteRating(RatingKind Kind, TraktIds Ids, int Value, DateTimeOffset RatedAt);
