using System.Collections.Generic;

namespace Aperture.Emulators;

/// <summary>One title in an emulated MDBList list; its place in the list is its rank.</summary>
/// <param name="Kind">"movie" or "show".</param>
/// <param name="Title">The title.</param>
/// <param name="Year">The release year.</param>
/// <param name="Imdb">The IMDb id, or null.</param>
/// <param name="Tmdb">The TMDb id, or null.</param>
/// <param name="Tvdb">The TVDB id (shows), or null.</param>
/// <param name="Genres">Genre slugs, for <c>filter_genre</c>.</param>
/// <param name="ImdbPopular">IMDb popularity rank (1 = most popular), for <c>sort=imdbpopular</c>.</param>
/// <param name="Score">MDBList score, for <c>sort=score</c>.</param>
public sealed record MdbListListEntry(string Kind, string Title, int Year, string? Imdb, int? Tmdb, int? Tvdb, IReadOnlyList<string>? Genres = null, int ImdbPopular = 0, int Score = 0);
