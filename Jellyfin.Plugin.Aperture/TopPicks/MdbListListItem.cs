namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>One title of an MDBList list, at its position in the answer (1 = first).</summary>
/// <param name="Rank">Its position in the sorted answer; MDBList's own "rank" field is the list's unsorted order.</param>
/// <param name="Kind">"movie" or "show".</param>
/// <param name="Title">The title.</param>
/// <param name="Year">The release year, when known.</param>
/// <param name="Imdb">The IMDb id, when known.</param>
/// <param name="Tmdb">The TMDb id, when known.</param>
/// <param name="Tvdb">The TVDB id, when known.</param>
public sealed record MdbListListItem(int Rank, string Kind, string Title, int? Year, string? Imdb, long? Tmdb, long? Tvdb);
