namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>The features that store missing titles; the names are stored, so never rename one.</summary>
public static class MissingTitleSources
{
    /// <summary>A user's Trakt watchlist.</summary>
    public const string TraktWatchlist = "trakt-watchlist";

    /// <summary>A user's Trakt recommendations.</summary>
    public const string TraktSuggestions = "trakt-suggestions";

    /// <summary>An MDBList list chosen as Top Picks.</summary>
    public const string MdbList = "mdblist";
}
