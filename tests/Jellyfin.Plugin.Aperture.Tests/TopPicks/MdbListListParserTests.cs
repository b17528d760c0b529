using System.Linq;
using Jellyfin.Plugin.Aperture.TopPicks;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TopPicks;

/// <summary>MDBList's list-item shapes (it changed them once and broke the original app): read, or refused as unreadable.</summary>
public sealed class MdbListListParserTests
{
    [Theory]
    [InlineData("""{"movies":[{"id":603,"title":"The Matrix","imdb_id":"tt0133093","release_year":1999,"mediatype":"movie"}],"shows":[{"id":1396,"title":"Breaking Bad","tvdb_id":81189,"mediatype":"show"}]}""")]
    [InlineData("""[{"id":603,"title":"The Matrix","imdb_id":"tt0133093","release_year":1999,"mediatype":"movie"},{"title":"Breaking Bad","ids":{"tmdb":1396,"tvdb":81189},"mediatype":"show"}]""")]
    [InlineData("""{"items":[{"title":"The Matrix","ids":{"imdb":"tt0133093","tmdb":"603"},"year":1999,"type":"movie"},{"title":"Breaking Bad","tmdbid":1396,"tvdbid":"81189","type":"show"}]}""")]
    public void EveryKnownShapeReadsTheSameTitlesInOrder(string body)
    {
        var page = MdbListListParser.ReadPage(body);

        Assert.NotNull(page);
        Assert.Equal([("movie", "The Matrix", 603L), ("show", "Breaking Bad", 1396L)], page.Select(e => (e.Kind, e.Title, e.Tmdb ?? 0)));
        Assert.Equal("tt0133093", page[0].Imdb);
        Assert.Equal(81189L, page[1].Tvdb);
    }

    [Theory]
    [InlineData("""{"movies": [{"id": 603, "title": "The Ma""")]
    [InlineData("""{"data":[{"id":603,"title":"The Matrix"}]}""")]
    [InlineData("""{"response":false,"error":"API Limit Reached!"}""")]
    [InlineData("""[1, 2, 3]""")]
    [InlineData("""[{"rank":1}]""")]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("")]
    public void AnythingElseIsUnreadableNotEmpty(string body) => Assert.Null(MdbListListParser.ReadPage(body));

    [Fact]
    public void AnEmptyListIsEmptyNotUnreadable() => Assert.Empty(MdbListListParser.ReadPage("""{"movies":[],"shows":[]}""")!);
}
