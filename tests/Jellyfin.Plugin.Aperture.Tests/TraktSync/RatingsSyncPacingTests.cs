using System;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.TraktSync;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktSync;

/// <summary>
/// Large pushes on the system clock: batches of at most 100 items, and at most one write in any second as the
/// emulator saw them arrive (a limit on the emulator's own arrival times, not a timing of the test).
/// </summary>
public sealed class RatingsSyncPacingTests
{
    [Fact]
    public async Task ALargeFirstSyncPushesBatchesOfAtMost100AtOneWritePerSecond()
    {
        await using var trakt = await TraktEmulator.StartAsync();
        using var host = new TraktSyncHost(trakt, TimeProvider.System);
        for (var i = 1; i <= 250; i++)
        {
            host.Add("movie" + i, RatingKind.Movie, new TraktIds(Tmdb: 10_000 + i), 1 + (i % 10));
        }

        var result = await host.RunAsync();

        Assert.Equal(250, result.Pushed);
        var writes = trakt.RatingWrites;
        Assert.Equal(new[] { 100, 100, 50 }, writes.Select(w => w.Items));
        Assert.Equal(250, trakt.RatingsOf(host.Tokens.AccessToken).Count);

        // Arrival gaps: the pipeline spaces sends by a second; loopback jitter may shave a few milliseconds.
        var gaps = writes.Zip(writes.Skip(1), (a, b) => b.Time - a.Time);
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromMilliseconds(900), $"two writes {gap.TotalMilliseconds} ms apart"));
    }
}
