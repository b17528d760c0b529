using Jellyfin.Plugin.Aperture.TraktSync;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>A title to add to or remove from a Trakt watchlist.</summary>
/// <param name="Key">Its library key.</param>
/// <param name="Kind">Movie or show.</param>
/// <param name="Ids">The ids the library knows it by.</param>
public sealed record WatchlistChange(RatingKey Key, RatingKind Kind, TraktIds Ids);
