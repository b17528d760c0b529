using Jellyfin.Plugin.Aperture.TraktSync;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>A title on a user's Trakt watchlist or in their recommendations, in Trakt's order.</summary>
/// <param name="Kind">Movie or show.</param>
/// <param name="Ids">Trakt's ids for it.</param>
/// <param name="Title">Its title.</param>
/// <param name="Year">Its year, when Trakt knows it.</param>
public sealed record ListedTitle(RatingKind Kind, TraktIds Ids, string Title, int? Year);
