using System;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>One change the sync makes on one side: a rating to set (Value) or to remove (Value null).</summary>
/// <param name="Key">The item key.</param>
/// <param name="Kind">Movie or show.</param>
/// <param name="Ids">The ids to send or to find the item by.</param>
/// <param name="Value">The rating 1–10, or null for a removal.</param>
/// <param name="At">When the change was made on the side it comes from (sent as Trakt's <c>rated_at</c>, or kept as the local change time).</param>
public sealed record RatingChange(RatingKey Key, RatingKind Kind, TraktIds Ids, int? Value, DateTimeOffset? At);
