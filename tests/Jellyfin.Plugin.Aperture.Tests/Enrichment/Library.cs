using System;
using System.Globalization;
using System.Threading;
using Aperture.Emulators.Catalog;
using Jellyfin.Plugin.Aperture.Enrichment;
using CatalogKind = Aperture.Emulators.Catalog.MediaKind;
using MediaKind = Jellyfin.Plugin.Aperture.Enrichment.MediaKind;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

/// <summary>Library items made from emulator catalog titles, with the ids a test chooses.</summary>
public static class Library
{
    private static int _counter;

    public static CatalogItem Matrix => MediaCatalog.FindByTmdb(CatalogKind.Movie, 603)!;

    public static CatalogItem Empire => MediaCatalog.FindByTmdb(CatalogKind.Movie, 1891)!;

    public static CatalogItem BreakingBad => MediaCatalog.FindByTmdb(CatalogKind.Show, 1396)!;

    public static LibraryItem From(CatalogItem title, bool tmdb = true, bool imdb = true, bool tvdb = true)
    {
        ArgumentNullException.ThrowIfNull(title);
        var n = Interlocked.Increment(ref _counter);
        return new LibraryItem(
            Guid.NewGuid(),
            title.Kind == CatalogKind.Show ? MediaKind.Series : MediaKind.Movie,
            title.Title,
            title.Year,
            tmdb ? title.TmdbId.ToString(CultureInfo.InvariantCulture) : null,
            imdb ? title.ImdbId : null,
            tvdb ? title.TvdbId?.ToString(CultureInfo.InvariantCulture) : null,
            new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n));
    }
}
