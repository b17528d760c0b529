namespace Aperture.Emulators;

/// <summary>The account limits Trakt reports in <c>/users/settings</c>.</summary>
/// <param name="ListCount">How many personal lists.</param>
/// <param name="ListItemCount">Items per list.</param>
/// <param name="WatchlistItemCount">Watchlist items.</param>
/// <param name="FavoritesItemCount">Favorites items.</param>
public sealed record TraktLimits(int ListCount, int ListItemCount, int WatchlistItemCount, int FavoritesItemCount);
