using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktWatchlist;

/// <summary>The watchlist sync takes the same per-user path as the ratings: a refused token is refreshed once and the sync goes on.</summary>
public sealed class WatchlistRefusedTokenTests : IAsyncLifetime
{
    private readonly WatchlistHost _h = new();

    public Task InitializeAsync() => _h.InitializeAsync();

    public Task DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task ARefusedTokenIsRefreshedOnceAndTheWatchlistStillBecomesThePlaylist()
    {
        var matrix = _h.AddMovie(603, "tt0133093");
        _h.OnTrakt(new TraktListedTitle("movie", "The Matrix", 1999, null, "tt0133093"));
        _h.Trakt.ExpireAccessToken(_h.AccessToken);

        var result = await _h.RunAsync();

        Assert.True(result.Completed, result.Error);
        Assert.Equal([matrix], _h.Playlist());
        Assert.Equal(1, _h.Trakt.Requests.Count(r => r.Path == "/oauth/token"));
        Assert.Equal(TraktLinkState.Linked, _h.Host.Get<TraktAccountStore>().Get(_h.UserId)!.State);
    }
}
