using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Aperture.Emulators.Catalog;

/// <summary>
/// The titles the emulators know: five real fixtures plus deterministic synthetic items for any other id,
/// so a 10,000-item benchmark library resolves everywhere with stable data.
/// </summary>
/// <remarks>
/// Synthetic ids: a movie with TMDb id <c>T</c> has IMDb <c>tt9</c> + T (7 digits), Trakt id <c>T</c>;
/// a show with TMDb id <c>T</c> has IMDb <c>tt8</c> + T (7 digits), TVDb <c>1,000,000 + T</c>, Trakt id <c>T</c>.
/// <see cref="SyntheticMovie"/> and <see cref="SyntheticShow"/> number benchmark items from TMDb id 100,001.
/// Synthetic movies whose <c>T / 3</c> is a multiple of 4 belong to collection <c>1,000,000 + T / 3</c>.
/// </remarks>
public static class MediaCatalog
{
    /// <summary>TMDb id of synthetic item number 0; item N has TMDb id <c>SyntheticTmdbBase + N</c>.</summary>
    public const int SyntheticTmdbBase = 100_000;

    /// <summary>Offset added to a synthetic show's TMDb id to form its TVDb id.</summary>
    public const int SyntheticTvdbOffset = 1_000_000;

    /// <summary>Synthetic collection ids start here.</summary>
    public const int SyntheticCollectionBase = 1_000_000;

    private static readonly string[] _movieGenres = ["Action", "Adventure", "Comedy", "Drama", "Science Fiction", "Thriller", "Horror", "Animation", "Family", "Romance", "Crime", "Mystery"];
    private static readonly string[] _showGenres = ["Drama", "Comedy", "Crime", "Mystery", "Sci-Fi & Fantasy", "Animation", "Documentary", "Action & Adventure"];
    private static readonly string[] _keywordPool = ["based on novel or book", "dystopia", "time travel", "heist", "artificial intelligence", "friendship", "revenge", "small town", "space", "coming of age", "conspiracy", "survival", "family", "murder", "road trip", "superhero", "monster", "politics", "biography", "war"];
    private static readonly string[] _movieCertifications = ["G", "PG", "PG-13", "R"];
    private static readonly string[] _showCertifications = ["TV-PG", "TV-14", "TV-MA"];

    private static readonly CollectionInfo _starWars = new(
        10,
        "Star Wars Collection",
        [
            new(11, "Star Wars", "1977-05-25"),
            new(1891, "The Empire Strikes Back", "1980-05-20"),
            new(1892, "Return of the Jedi", "1983-05-25"),
            new(1893, "Star Wars: Episode I - The Phantom Menace", "1999-05-19"),
            new(1894, "Star Wars: Episode II - Attack of the Clones", "2002-05-15"),
            new(1895, "Star Wars: Episode III - Revenge of the Sith", "2005-05-17"),
            new(140607, "Star Wars: The Force Awakens", "2015-12-15"),
            new(181808, "Star Wars: The Last Jedi", "2017-12-13"),
            new(181812, "Star Wars: The Rise of Skywalker", "2019-12-18"),
        ]);

    private static readonly CollectionInfo _matrix = new(
        2344,
        "The Matrix Collection",
        [
            new(603, "The Matrix", "1999-03-31"),
            new(604, "The Matrix Reloaded", "2003-05-15"),
            new(605, "The Matrix Revolutions", "2003-11-05"),
            new(624860, "The Matrix Resurrections", "2021-12-16"),
        ]);

    private static readonly CatalogItem[] _fixtures =
    [
        new()
        {
            Kind = MediaKind.Movie, TmdbId = 603, ImdbId = "tt0133093", TraktId = 481, Title = "The Matrix",
            ReleaseDate = "1999-03-31", Runtime = 136, Certification = "R", Genres = ["Action", "Science Fiction"],
            Overview = "A hacker learns that the world he lives in is a simulation and joins the rebels fighting the machines behind it.",
            Directors = ["Lana Wachowski", "Lilly Wachowski"], Writers = ["Lana Wachowski", "Lilly Wachowski"],
            Cast = [new("Keanu Reeves", "Neo"), new("Laurence Fishburne", "Morpheus"), new("Carrie-Anne Moss", "Trinity"), new("Hugo Weaving", "Agent Smith")],
            Cinematographer = "Bill Pope", Composer = "Don Davis", Editor = "Zach Staenberg",
            Keywords = ["artificial intelligence", "simulated reality", "dystopia", "man vs machine", "hacker"], Collection = _matrix,
            ImdbRating = 8.7, ImdbVotes = 2_200_000, TmdbRating = 8.2, TmdbVotes = 26_500, TraktRating = 87,
            RottenTomatoes = 83, RottenTomatoesAudience = 85, Metacritic = 73, Letterboxd = 4.2,
            Awards = "Won 4 Oscars. 42 wins & 52 nominations total", BoxOffice = "$172,076,928",
        },
        new()
        {
            Kind = MediaKind.Movie, TmdbId = 1891, ImdbId = "tt0080684", TraktId = 1266, Title = "The Empire Strikes Back",
            ReleaseDate = "1980-05-20", Runtime = 124, Certification = "PG", Genres = ["Adventure", "Action", "Science Fiction"],
            Overview = "The rebels scatter after an attack on their ice-planet base while a young pilot seeks out a Jedi master.",
            Directors = ["Irvin Kershner"], Writers = ["Leigh Brackett", "Lawrence Kasdan", "George Lucas"],
            Cast = [new("Mark Hamill", "Luke Skywalker"), new("Harrison Ford", "Han Solo"), new("Carrie Fisher", "Princess Leia"), new("Billy Dee Williams", "Lando Calrissian")],
            Cinematographer = "Peter Suschitzky", Composer = "John Williams", Editor = "Paul Hirsch",
            Keywords = ["rebellion", "space opera", "jedi", "bounty hunter", "sequel"], Collection = _starWars,
            ImdbRating = 8.7, ImdbVotes = 1_450_000, TmdbRating = 8.4, TmdbVotes = 17_800, TraktRating = 88,
            RottenTomatoes = 95, RottenTomatoesAudience = 97, Metacritic = 82, Letterboxd = 4.3,
            Awards = "Won 1 Oscar. 27 wins & 20 nominations total", BoxOffice = "$292,753,960",
        },
        new()
        {
            Kind = MediaKind.Movie, TmdbId = 27205, ImdbId = "tt1375666", TraktId = 16662, Title = "Inception",
            ReleaseDate = "2010-07-15", Runtime = 148, Certification = "PG-13", Genres = ["Action", "Science Fiction", "Adventure"],
            Overview = "A thief who steals secrets from dreams is offered a way home if he can plant an idea instead.",
            Directors = ["Christopher Nolan"], Writers = ["Christopher Nolan"],
            Cast = [new("Leonardo DiCaprio", "Dom Cobb"), new("Joseph Gordon-Levitt", "Arthur"), new("Elliot Page", "Ariadne"), new("Tom Hardy", "Eames")],
            Cinematographer = "Wally Pfister", Composer = "Hans Zimmer", Editor = "Lee Smith",
            Keywords = ["dream", "subconscious", "heist", "mind bending", "architecture"],
            ImdbRating = 8.8, ImdbVotes = 2_650_000, TmdbRating = 8.4, TmdbVotes = 37_900, TraktRating = 88,
            RottenTomatoes = 87, RottenTomatoesAudience = 91, Metacritic = 74, Letterboxd = 4.2,
            Awards = "Won 4 Oscars. 160 wins & 220 nominations total", BoxOffice = "$292,587,330",
        },
        new()
        {
            Kind = MediaKind.Show, TmdbId = 1396, ImdbId = "tt0903747", TvdbId = 81189, TraktId = 1388, Title = "Breaking Bad",
            ReleaseDate = "2008-01-20", EndDate = "2013-09-29", Runtime = 47, Certification = "TV-MA", Genres = ["Drama", "Crime"],
            Overview = "A chemistry teacher with a terminal diagnosis turns to making drugs to provide for his family.",
            Directors = ["Vince Gilligan"], Writers = ["Vince Gilligan"],
            Cast = [new("Bryan Cranston", "Walter White"), new("Aaron Paul", "Jesse Pinkman"), new("Anna Gunn", "Skyler White"), new("Dean Norris", "Hank Schrader")],
            Cinematographer = "Michael Slovis", Composer = "Dave Porter", Editor = "Kelley Dixon",
            Keywords = ["drug dealer", "cancer", "chemistry teacher", "new mexico", "crime epic"],
            Seasons = 5, Episodes = 62, Network = "AMC",
            ImdbRating = 9.5, ImdbVotes = 2_300_000, TmdbRating = 8.9, TmdbVotes = 16_000, TraktRating = 92,
            RottenTomatoes = 96, RottenTomatoesAudience = 97, Metacritic = 87,
            Awards = "Won 16 Primetime Emmys. 170 wins & 270 nominations total",
        },
        new()
        {
            Kind = MediaKind.Show, TmdbId = 95396, ImdbId = "tt11280740", TvdbId = 371980, TraktId = 154997, Title = "Severance",
            ReleaseDate = "2022-02-17", Runtime = 55, Certification = "TV-MA", Genres = ["Drama", "Mystery", "Sci-Fi & Fantasy"],
            Overview = "Office workers whose work and private memories have been surgically divided start to question their employer.",
            Directors = ["Dan Erickson"], Writers = ["Dan Erickson"],
            Cast = [new("Adam Scott", "Mark Scout"), new("Britt Lower", "Helly R."), new("Zach Cherry", "Dylan George"), new("John Turturro", "Irving Bailiff")],
            Cinematographer = "Jessica Lee Gagné", Composer = "Theodore Shapiro", Editor = "Geoffrey Richman",
            Keywords = ["workplace", "memory", "corporation", "dystopia", "psychological thriller"],
            Seasons = 2, Episodes = 19, Network = "Apple TV+",
            ImdbRating = 8.7, ImdbVotes = 310_000, TmdbRating = 8.4, TmdbVotes = 2_600, TraktRating = 87,
            RottenTomatoes = 96, RottenTomatoesAudience = 90, Metacritic = 85,
            Awards = "Won 8 Primetime Emmys. 60 wins & 190 nominations total",
        },
    ];

    /// <summary>Gets the real fixtures (The Matrix, The Empire Strikes Back, Inception, Breaking Bad, Severance).</summary>
    public static IReadOnlyList<CatalogItem> Fixtures => _fixtures;

    /// <summary>Gets synthetic movie number <paramref name="n"/> (TMDb id <c>100,000 + n</c>).</summary>
    /// <param name="n">The item number, from 1.</param>
    /// <returns>The item.</returns>
    public static CatalogItem SyntheticMovie(int n) => Synthesize(MediaKind.Movie, SyntheticTmdbBase + n);

    /// <summary>Gets synthetic show number <paramref name="n"/> (TMDb TV id <c>100,000 + n</c>).</summary>
    /// <param name="n">The item number, from 1.</param>
    /// <returns>The item.</returns>
    public static CatalogItem SyntheticShow(int n) => Synthesize(MediaKind.Show, SyntheticTmdbBase + n);

    /// <summary>Finds an item by TMDb id.</summary>
    /// <param name="kind">Movie or show (separate id spaces).</param>
    /// <param name="tmdbId">The TMDb id.</param>
    /// <param name="synthesize">Whether an unknown positive id yields a synthetic item.</param>
    /// <returns>The item or null.</returns>
    public static CatalogItem? FindByTmdb(MediaKind kind, int tmdbId, bool synthesize = true)
    {
        var fixture = Array.Find(_fixtures, f => f.Kind == kind && f.TmdbId == tmdbId);
        return fixture ?? (synthesize && tmdbId > 0 ? Synthesize(kind, tmdbId) : null);
    }

    /// <summary>Finds an item by IMDb id.</summary>
    /// <param name="imdbId">The IMDb id (<c>tt</c> followed by digits).</param>
    /// <param name="synthesize">Whether an unknown well-formed id yields a synthetic item.</param>
    /// <returns>The item or null (also for a malformed id).</returns>
    public static CatalogItem? FindByImdb(string? imdbId, bool synthesize = true)
    {
        if (imdbId is null || imdbId.Length < 3 || !imdbId.StartsWith("tt", StringComparison.Ordinal) || imdbId.AsSpan(2).ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        var fixture = Array.Find(_fixtures, f => f.ImdbId == imdbId);
        if (fixture is not null || !synthesize)
        {
            return fixture;
        }

        var digits = imdbId.AsSpan(2);
        if (digits.Length >= 8 && (digits[0] == '9' || digits[0] == '8')
            && int.TryParse(digits[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var tmdb) && tmdb > 0)
        {
            return Synthesize(digits[0] == '9' ? MediaKind.Movie : MediaKind.Show, tmdb);
        }

        // Any other IMDb id: a synthetic movie that keeps the id it was asked for.
        var seed = (int)(Mix(0x494D, long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) % 1_000_000_007) % 8_000_000);
        var item = Synthesize(MediaKind.Movie, SyntheticTmdbBase + 1_000_000 + seed);
        return Clone(item, imdbId, item.TvdbId);
    }

    /// <summary>Finds a show by TVDb id.</summary>
    /// <param name="tvdbId">The TVDb id.</param>
    /// <param name="synthesize">Whether an unknown positive id yields a synthetic show.</param>
    /// <returns>The item or null.</returns>
    public static CatalogItem? FindByTvdb(int tvdbId, bool synthesize = true)
    {
        var fixture = Array.Find(_fixtures, f => f.TvdbId == tvdbId);
        if (fixture is not null || !synthesize || tvdbId <= 0)
        {
            return fixture;
        }

        if (tvdbId > SyntheticTvdbOffset)
        {
            return Synthesize(MediaKind.Show, tvdbId - SyntheticTvdbOffset);
        }

        var item = Synthesize(MediaKind.Show, tvdbId);
        return Clone(item, item.ImdbId, tvdbId);
    }

    /// <summary>Finds an item by Trakt id.</summary>
    /// <param name="kind">Movie or show.</param>
    /// <param name="traktId">The Trakt id.</param>
    /// <param name="synthesize">Whether an unknown positive id yields a synthetic item.</param>
    /// <returns>The item or null.</returns>
    public static CatalogItem? FindByTrakt(MediaKind kind, int traktId, bool synthesize = true)
    {
        var fixture = Array.Find(_fixtures, f => f.Kind == kind && f.TraktId == traktId);
        return fixture ?? (synthesize && traktId > 0 ? Synthesize(kind, traktId) : null);
    }

    /// <summary>Finds an item by exact title (case-insensitive), optionally by year; synthetic titles resolve too.</summary>
    /// <param name="title">The title.</param>
    /// <param name="year">The year, or null for any.</param>
    /// <returns>The item or null.</returns>
    public static CatalogItem? FindByTitle(string title, int? year)
    {
        var fixture = Array.Find(_fixtures, f => string.Equals(f.Title, title, StringComparison.OrdinalIgnoreCase) && (year is null || f.Year == year));
        if (fixture is not null)
        {
            return fixture;
        }

        foreach (var (prefix, kind) in new[] { ("Synthetic Movie ", MediaKind.Movie), ("Synthetic Show ", MediaKind.Show) })
        {
            if (title.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(title.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                var item = Synthesize(kind, SyntheticTmdbBase + n);
                return year is null || item.Year == year ? item : null;
            }
        }

        return null;
    }

    /// <summary>Finds a TMDb collection by id: the real fixtures, or a synthetic one at or above <see cref="SyntheticCollectionBase"/>.</summary>
    /// <param name="id">The collection id.</param>
    /// <param name="synthesize">Whether synthetic collections exist.</param>
    /// <returns>The collection or null.</returns>
    public static CollectionInfo? FindCollection(int id, bool synthesize = true)
    {
        if (id == _starWars.Id)
        {
            return _starWars;
        }

        if (id == _matrix.Id)
        {
            return _matrix;
        }

        if (!synthesize || id <= SyntheticCollectionBase)
        {
            return null;
        }

        var group = id - SyntheticCollectionBase;
        if (group % 4 != 0 || group > int.MaxValue / 3)
        {
            return null;
        }

        return SyntheticCollection(group);
    }

    /// <summary>Gets a stable 32-bit hash of an id.</summary>
    /// <param name="salt">Distinguishes uses.</param>
    /// <param name="value">The value.</param>
    /// <returns>The hash.</returns>
    public static uint Mix(int salt, long value)
    {
        unchecked
        {
            var z = (ulong)value + ((ulong)salt * 0x9E3779B97F4A7C15UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (uint)(z ^ (z >> 31));
        }
    }

    /// <summary>Gets a stable positive id for a name (keyword and person ids are derived this way).</summary>
    /// <param name="name">The name.</param>
    /// <returns>An id from 1 to 999,999,999.</returns>
    public static int StableId(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash % 999_999_999u) + 1;
    }

    private static CollectionInfo SyntheticCollection(int group)
    {
        var parts = Enumerable.Range(group * 3, 3).Where(t => t > 0).Select(t =>
        {
            var movie = Synthesize(MediaKind.Movie, t, withCollection: false);
            return new CollectionPart(t, movie.Title, movie.ReleaseDate);
        }).ToArray();
        return new CollectionInfo(SyntheticCollectionBase + group, Inv($"Synthetic Collection {group}"), parts);
    }

    private static CatalogItem Synthesize(MediaKind kind, int tmdbId, bool withCollection = true)
    {
        var h = Mix(kind == MediaKind.Movie ? 1 : 2, tmdbId);
        int R(uint div, uint mod) => (int)((h / div) % mod);
        var movie = kind == MediaKind.Movie;
        var label = movie ? "Movie" : "Show";
        var title = tmdbId > SyntheticTmdbBase ? Inv($"Synthetic {label} {tmdbId - SyntheticTmdbBase}") : Inv($"Synthetic {label} (TMDb {tmdbId})");
        var year = 1960 + R(1, 66);
        var date = Inv($"{year:D4}-{1 + R(7, 12):D2}-{1 + R(11, 28):D2}");
        var genres = movie ? _movieGenres : _showGenres;
        var imdb = Math.Round(4.0 + (R(17, 55) / 10.0), 1);
        var group = tmdbId / 3;
        var seasons = 1 + R(41, 8);
        return new CatalogItem
        {
            Kind = kind,
            TmdbId = tmdbId,
            ImdbId = Inv($"tt{(movie ? 9 : 8)}{tmdbId:D7}"),
            TvdbId = movie ? null : SyntheticTvdbOffset + tmdbId,
            TraktId = tmdbId,
            Title = title,
            ReleaseDate = date,
            EndDate = !movie && h % 3 == 0 ? Inv($"{Math.Min(year + seasons, 2026):D4}-06-01") : null,
            Runtime = movie ? 80 + R(13, 80) : 22 + R(13, 40),
            Certification = movie ? _movieCertifications[R(43, 4)] : _showCertifications[R(43, 3)],
            Genres = [genres[R(1, (uint)genres.Length)], genres[(R(3, (uint)genres.Length) + 1) % genres.Length]],
            Overview = Inv($"A synthetic {label.ToLowerInvariant()} generated for benchmarks (TMDb {tmdbId})."),
            Directors = [Inv($"Synthetic Director {tmdbId}")],
            Writers = [Inv($"Synthetic Writer {tmdbId}")],
            Cast = [new(Inv($"Synthetic Actor {tmdbId}-1"), "Lead"), new(Inv($"Synthetic Actor {tmdbId}-2"), "Friend"), new(Inv($"Synthetic Actor {tmdbId}-3"), "Rival")],
            Cinematographer = Inv($"Synthetic Cinematographer {tmdbId}"),
            Composer = Inv($"Synthetic Composer {tmdbId}"),
            Editor = Inv($"Synthetic Editor {tmdbId}"),
            Keywords = [_keywordPool[R(1, 20)], _keywordPool[(R(5, 20) + 7) % 20], _keywordPool[(R(19, 20) + 13) % 20]],
            Collection = movie && withCollection && tmdbId > SyntheticTmdbBase && group % 4 == 0 ? SyntheticCollection(group) : null,
            Seasons = movie ? null : seasons,
            Episodes = movie ? null : seasons * (6 + R(47, 7)),
            Network = movie ? null : "Synthetic Network",
            ImdbRating = imdb,
            ImdbVotes = 500 + R(19, 900_000),
            TmdbRating = Math.Clamp(Math.Round(imdb - 0.3 + (R(1, 7) / 10.0), 1), 0, 10),
            TmdbVotes = 50 + R(53, 20_000),
            TraktRating = Math.Clamp((int)Math.Round(imdb * 10) + R(1, 5) - 2, 0, 100),
            RottenTomatoes = 20 + R(23, 80),
            RottenTomatoesAudience = 25 + R(29, 75),
            Metacritic = 25 + R(31, 70),
            Letterboxd = movie ? Math.Round(1.5 + (R(37, 30) / 10.0), 1) : null,
            Awards = h % 5 == 0 ? Inv($"{1 + R(1, 9)} wins & {2 + R(1, 13)} nominations") : null,
            BoxOffice = movie && h % 2 == 0 ? "$" + (1_000_000 + R(1, 300_000_000)).ToString("N0", CultureInfo.InvariantCulture) : null,
            IsSynthetic = true,
        };
    }

    private static CatalogItem Clone(CatalogItem item, string imdbId, int? tvdbId) => new()
    {
        Kind = item.Kind, TmdbId = item.TmdbId, ImdbId = imdbId, TvdbId = tvdbId, TraktId = item.TraktId, Title = item.Title,
        ReleaseDate = item.ReleaseDate, EndDate = item.EndDate, Runtime = item.Runtime, Certification = item.Certification,
        Genres = item.Genres, Overview = item.Overview, Directors = item.Directors, Writers = item.Writers, Cast = item.Cast,
        Cinematographer = item.Cinematographer, Composer = item.Composer, Editor = item.Editor, Keywords = item.Keywords,
        Collection = item.Collection, Seasons = item.Seasons, Episodes = item.Episodes, Network = item.Network,
        ImdbRating = item.ImdbRating, ImdbVotes = item.ImdbVotes, TmdbRating = item.TmdbRating, TmdbVotes = item.TmdbVotes,
        TraktRating = item.TraktRating, RottenTomatoes = item.RottenTomatoes, RottenTomatoesAudience = item.RottenTomatoesAudience,
        Metacritic = item.Metacritic, Letterboxd = item.Letterboxd, Awards = item.Awards, BoxOffice = item.BoxOffice, IsSynthetic = true,
    };

    private static string Inv(FormattableString text) => FormattableString.Invariant(text);
}
