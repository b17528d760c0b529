using System;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Xunit;
using Xunit.Abstractions;

namespace Jellyfin.Plugin.Aperture.Tests.TraktWatchlist;

/// <summary>
/// A large playlist change on its way to Trakt: batches of at most 100 titles, and never more than one write per
/// second, read from the emulator's arrival times on the clock it shares with the pipeline (not a timing of the test).
/// </summary>
public sealed class WatchlistPacingTests : IAsyncLifetime
{
    private readonly WatchlistHost _h = new();
    private readonly ITestOutputHelper _output;

    public WatchlistPacingTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public Task InitializeAsync() => _h.InitializeAsync();

    public Task DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task Benchmark_250TitlesAddedToThePlaylistReachTraktInBatchesOfAtMost100AtOneWritePerSecond()
    {
        _h.Trakt.Limits = _h.Trakt.Limits with { WatchlistItemCount = 1000 };
        var first = _h.AddMovie(1);
        _h.OnTrakt(new TraktListedTitle("movie", "First", 2000, 1));
        await _h.RunAsync();
        var playlist = _h.PlaylistId()!.Value;
        for (var i = 2; i <= 251; i++)
        {
            _h.Playlists.UserAdds(playlist, _h.AddMovie(i));
        }

        var result = await _h.RunAsync();

        Assert.Equal(250, result.SentToTrakt);
        Assert.Equal(251, _h.TraktMovies().Count);
        var writes = _h.Trakt.WatchlistWrites;
        Assert.Equal([100, 100, 50], writes.Select(w => w.Items));
        var gaps = writes.Zip(writes.Skip(1), (a, b) => b.Time - a.Time).ToList();
        var fastest = gaps.Min();
        _output.WriteLine($"watchlist writes: {writes.Count} for 250 titles; shortest gap {fastest.TotalSeconds:0.000} s; writes per second / limit = {1 / fastest.TotalSeconds:0.000}");
        Assert.True(fastest >= TimeSpan.FromSeconds(1), $"two writes {fastest.TotalMilliseconds} ms apart");
        Assert.Contains(first, _h.Playlist());
    }
}
