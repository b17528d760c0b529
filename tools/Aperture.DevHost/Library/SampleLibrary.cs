using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Controller.Entities.TV;
using MediaBrowser.Model.Entities;

namespace Aperture.DevHost.Library;

/// <summary>
/// The dev host's small library: real titles with their real TMDb/IMDb/TVDb ids, as Jellyfin's own providers
/// would have stored them, so enrichment and sync code sees what it sees on a real server.
/// </summary>
public static class SampleLibrary
{
    /// <summary>
    /// Creates the sample items (new instances each call).
    /// </summary>
    /// <returns>Movies, then series.</returns>
    public static IReadOnlyList<BaseItem> Create()
    {
        return new BaseItem[]
        {
            MovieItem(1, "The Matrix", 1999, "603", "tt0133093", "The Matrix Collection"),
            MovieItem(2, "The Empire Strikes Back", 1980, "1891", "tt0080684", "Star Wars Collection"),
            MovieItem(3, "Inception", 2010, "27205", "tt1375666", null),
            MovieItem(4, "The Matrix Reloaded", 2003, "604", "tt0234215", "The Matrix Collection"),
            MovieItem(5, "Return of the Jedi", 1983, "1892", "tt0086190", "Star Wars Collection"),
            MovieItem(6, "Holiday Video 2019", 2019, null, null, null),
            SeriesItem(101, "Breaking Bad", 2008, "1396", "tt0903747", "81189"),
            SeriesItem(102, "Severance", 2022, "95396", "tt11280740", "371980"),
        };
    }

    /// <summary>
    /// Describes an item for <c>GET /dev/library</c>.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="people">The item's people, from the library manager.</param>
    /// <returns>A plain summary.</returns>
    public static LibraryItemSummary Describe(BaseItem item, IReadOnlyList<PersonInfo> people)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(people);
        return new LibraryItemSummary(
            item.Id,
            item.GetType().Name,
            item.Name ?? string.Empty,
            item.ProductionYear,
            new SortedDictionary<string, string>(item.ProviderIds, StringComparer.OrdinalIgnoreCase),
            (item as Movie)?.CollectionName,
            item.CriticRating,
            item.CommunityRating,
            item.Tags,
            item.Genres,
            people.Count,
            item.DateLastSaved == default ? null : item.DateLastSaved);
    }

    private static Guid IdFor(int n) => new(string.Format(CultureInfo.InvariantCulture, "00000000-0000-4000-8000-{0:D12}", n));

    private static Movie MovieItem(int n, string name, int year, string? tmdb, string? imdb, string? collection)
    {
        var movie = new Movie
        {
            Id = IdFor(n),
            Name = name,
            ProductionYear = year,
            Path = "/media/movies/" + name + " (" + year.ToString(CultureInfo.InvariantCulture) + ")/movie.mkv",
            CollectionName = collection,
            DateCreated = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(n),
        };
        SetIds(movie, tmdb, imdb, null);
        return movie;
    }

    private static Series SeriesItem(int n, string name, int year, string tmdb, string imdb, string tvdb)
    {
        var series = new Series
        {
            Id = IdFor(n),
            Name = name,
            ProductionYear = year,
            Path = "/media/tv/" + name,
            DateCreated = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(n),
        };
        SetIds(series, tmdb, imdb, tvdb);
        return series;
    }

    private static void SetIds(BaseItem item, string? tmdb, string? imdb, string? tvdb)
    {
        foreach (var (provider, value) in new[] { (MetadataProvider.Tmdb, tmdb), (MetadataProvider.Imdb, imdb), (MetadataProvider.Tvdb, tvdb) }.Where(p => p.Item2 is not null))
        {
            item.ProviderIds[provider.ToString()] = value!;
        }
    }
}
