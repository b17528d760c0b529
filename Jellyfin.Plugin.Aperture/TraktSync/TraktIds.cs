namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>The ids an item is known by on Trakt and in Jellyfin's provider ids.</summary>
/// <param name="Trakt">Trakt's own id.</param>
/// <param name="Imdb">The IMDb id (tt…).</param>
/// <param name="Tmdb">The TMDb id.</param>
/// <param name="Tvdb">The TVDB id (shows).</param>
public sealed record TraktIds(long? Trakt = null, string? Imdb = null, long? Tmdb = null, long? Tvdb = null)
{
    /// <summary>Gets a value indicating whether no id is known, so the item cannot be matched or sent.</summary>
    public bool IsEmpty => Trakt is null && string.IsNullOrWhiteSpace(Imdb) && Tmdb is null && Tvdb is null;
}
