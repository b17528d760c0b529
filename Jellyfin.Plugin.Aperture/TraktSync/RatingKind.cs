namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>What a rating is on: Trakt's "movies" and "shows" (a Jellyfin series).</summary>
public enum RatingKind
{
    /// <summary>A movie.</summary>
    Movie,

    /// <summary>A show (a Jellyfin series).</summary>
    Show,
}
