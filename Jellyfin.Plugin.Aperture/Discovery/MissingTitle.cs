namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>
/// A title a source wants in the library that the library does not have (a Trakt watchlist entry, a suggestion, an
/// MDBList list entry), kept for Discovery to offer as a request.
/// </summary>
/// <param name="Kind">"movie" or "show".</param>
/// <param name="Title">The title as the source names it.</param>
/// <param name="Year">The release year, when known.</param>
/// <param name="Imdb">The IMDb id, when known.</param>
/// <param name="Tmdb">The TMDb id, when known.</param>
/// <param name="Tvdb">The TVDB id, when known.</param>
/// <param name="Rank">Its position in the source (1 = first), so Discovery can keep the source's order.</param>
public sealed record MissingTitle(string Kind, string Title, int? Year, string? Imdb, long? Tmdb, long? Tvdb, int Rank)
{
    /// <summary>The kind of a movie.</summary>
    public const string Movie = "movie";

    /// <summary>The kind of a series.</summary>
    public const string Show = "show";
}
