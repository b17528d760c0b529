using System.Linq;
using Aperture.Emulators.Catalog;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Emulators;

public sealed class MediaCatalogTests
{
    [Fact]
    public void ASyntheticTenThousandItemLibraryHasUniqueIdsThatResolveBack()
    {
        var movies = Enumerable.Range(1, 10_000).Select(MediaCatalog.SyntheticMovie).ToList();
        var shows = Enumerable.Range(1, 500).Select(MediaCatalog.SyntheticShow).ToList();

        Assert.Equal(movies.Count + shows.Count, movies.Concat(shows).Select(i => i.ImdbId).Distinct().Count());
        Assert.All(movies.Where((_, i) => i % 97 == 0), m =>
        {
            Assert.Equal(m.TmdbId, MediaCatalog.FindByImdb(m.ImdbId)!.TmdbId);
            Assert.Equal(m.Title, MediaCatalog.FindByTmdb(MediaKind.Movie, m.TmdbId)!.Title);
        });
        Assert.All(shows.Where((_, i) => i % 17 == 0), s => Assert.Equal(s.TmdbId, MediaCatalog.FindByTvdb(s.TvdbId!.Value)!.TmdbId));
        Assert.Equal("Synthetic Movie 42", MediaCatalog.SyntheticMovie(42).Title);
    }

    [Fact]
    public void FixturesKeepTheirRealIdsAndUnknownIdsCanBeRefused()
    {
        Assert.Equal(603, MediaCatalog.FindByImdb("tt0133093")!.TmdbId);
        Assert.Equal(10, MediaCatalog.FindByTmdb(MediaKind.Movie, 1891)!.Collection!.Id);
        Assert.Equal(1396, MediaCatalog.FindByTvdb(81189)!.TmdbId);
        Assert.Null(MediaCatalog.FindByTmdb(MediaKind.Movie, 100_042, synthesize: false));
        Assert.Null(MediaCatalog.FindByImdb("not-an-id"));
    }
}
