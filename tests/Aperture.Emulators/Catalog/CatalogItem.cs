using System;
using System.Collections.Generic;
using System.Globalization;

namespace Aperture.Emulators.Catalog;

/// <summary>
/// One title every emulator agrees on: ids, descriptive data and the scores each service reports.
/// The five fixtures carry their real ids; their scores and counts are close to the real ones but approximate.
/// </summary>
public sealed class CatalogItem
{
    /// <summary>Gets whether this is a movie or a show.</summary>
    public required MediaKind Kind { get; init; }

    /// <summary>Gets the TMDb id (movies and TV have separate id spaces at TMDb).</summary>
    public required int TmdbId { get; init; }

    /// <summary>Gets the IMDb id (<c>tt…</c>).</summary>
    public required string ImdbId { get; init; }

    /// <summary>Gets the TVDb id (shows only).</summary>
    public int? TvdbId { get; init; }

    /// <summary>Gets the Trakt id (emulator value; not verified against trakt.tv).</summary>
    public required int TraktId { get; init; }

    /// <summary>Gets the title.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the first release or air date, <c>yyyy-MM-dd</c>.</summary>
    public required string ReleaseDate { get; init; }

    /// <summary>Gets the last air date of a show that has ended, <c>yyyy-MM-dd</c>.</summary>
    public string? EndDate { get; init; }

    /// <summary>Gets the runtime in minutes (episode runtime for shows).</summary>
    public required int Runtime { get; init; }

    /// <summary>Gets the US certification (MPAA for movies, TV Parental Guidelines for shows).</summary>
    public required string Certification { get; init; }

    /// <summary>Gets the TMDb genre names.</summary>
    public required IReadOnlyList<string> Genres { get; init; }

    /// <summary>Gets a short overview (written for the emulator).</summary>
    public required string Overview { get; init; }

    /// <summary>Gets the directors (movies) or creators (shows).</summary>
    public required IReadOnlyList<string> Directors { get; init; }

    /// <summary>Gets the writers.</summary>
    public required IReadOnlyList<string> Writers { get; init; }

    /// <summary>Gets the main cast, in billing order.</summary>
    public required IReadOnlyList<CastMember> Cast { get; init; }

    /// <summary>Gets the director of photography.</summary>
    public required string Cinematographer { get; init; }

    /// <summary>Gets the composer.</summary>
    public required string Composer { get; init; }

    /// <summary>Gets the editor.</summary>
    public required string Editor { get; init; }

    /// <summary>Gets the TMDb keywords.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }

    /// <summary>Gets the TMDb collection, if any.</summary>
    public CollectionInfo? Collection { get; init; }

    /// <summary>Gets the number of seasons (shows only).</summary>
    public int? Seasons { get; init; }

    /// <summary>Gets the number of episodes (shows only).</summary>
    public int? Episodes { get; init; }

    /// <summary>Gets the network (shows only).</summary>
    public string? Network { get; init; }

    /// <summary>Gets the IMDb rating, 0–10.</summary>
    public required double ImdbRating { get; init; }

    /// <summary>Gets the IMDb vote count.</summary>
    public required int ImdbVotes { get; init; }

    /// <summary>Gets the TMDb vote average, 0–10.</summary>
    public required double TmdbRating { get; init; }

    /// <summary>Gets the TMDb vote count.</summary>
    public required int TmdbVotes { get; init; }

    /// <summary>Gets the Trakt rating, 0–100.</summary>
    public required int TraktRating { get; init; }

    /// <summary>Gets the Rotten Tomatoes critic score, percent.</summary>
    public int? RottenTomatoes { get; init; }

    /// <summary>Gets the Rotten Tomatoes audience (popcorn) score, percent.</summary>
    public int? RottenTomatoesAudience { get; init; }

    /// <summary>Gets the Metacritic score, 0–100.</summary>
    public int? Metacritic { get; init; }

    /// <summary>Gets the Letterboxd rating, 0–5.</summary>
    public double? Letterboxd { get; init; }

    /// <summary>Gets the awards text (OMDb style) or null.</summary>
    public string? Awards { get; init; }

    /// <summary>Gets the US box office (OMDb style, e.g. <c>$172,076,928</c>) or null.</summary>
    public string? BoxOffice { get; init; }

    /// <summary>Gets a value indicating whether the item was generated from its id rather than a fixture.</summary>
    public bool IsSynthetic { get; init; }

    /// <summary>Gets the release year.</summary>
    public int Year => int.Parse(ReleaseDate.AsSpan(0, 4), CultureInfo.InvariantCulture);

    /// <summary>Gets the TMDb-style poster path.</summary>
    public string PosterPath => "/" + Slug + "-poster.jpg";

    /// <summary>Gets the TMDb-style backdrop path.</summary>
    public string BackdropPath => "/" + Slug + "-backdrop.jpg";

    /// <summary>Gets the TMDb-style logo path.</summary>
    public string LogoPath => "/" + Slug + "-logo.png";

    /// <summary>Gets the Trakt/MDBList-style slug.</summary>
    public string Slug
    {
        get
        {
            var chars = new System.Text.StringBuilder();
            foreach (var c in Title.ToLowerInvariant())
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    chars.Append(c);
                }
                else if (chars.Length > 0 && chars[^1] != '-')
                {
                    chars.Append('-');
                }
            }

            return chars.ToString().Trim('-') + "-" + Year.ToString(CultureInfo.InvariantCulture);
        }
    }
}
