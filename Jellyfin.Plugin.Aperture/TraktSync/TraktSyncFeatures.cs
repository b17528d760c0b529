namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>The Trakt features that record their runs; the names are stored, so never rename one.</summary>
public static class TraktSyncFeatures
{
    /// <summary>Ratings both ways.</summary>
    public const string Ratings = "ratings";

    /// <summary>Watchlist ↔ playlist.</summary>
    public const string Watchlist = "watchlist";

    /// <summary>Recommendations.</summary>
    public const string Suggestions = "suggestions";
}
