using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.TraktSync;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace Jellyfin.Plugin.Aperture.Tests.TraktSync;

/// <summary>
/// Benchmarks of the rating sync against the Trakt emulator, printed as ratios (docs/benchmarks.md): how Trakt's one
/// write per second per user holds when pushing many ratings, for one user and for two users at once, and how many
/// calls a sync makes when nothing changed. The limits are asserted on the emulator's own arrival times; nothing is a
/// timing of the test.
/// </summary>
public sealed class RatingsSyncBenchmarkTests
{
    private static readonly TimeSpan _second = TimeSpan.FromSeconds(1);

    // Loopback jitter can bring two sends paced a second apart a few milliseconds closer on arrival.
    private static readonly TimeSpan _jitter = TimeSpan.FromMilliseconds(100);

    private readonly ITestOutputHelper _output;

    public RatingsSyncBenchmarkTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Benchmark_RatingsWrites_OnePerSecondPerUser_TwoUsersPushing350Each()
    {
        await using var trakt = await TraktEmulator.StartAsync();
        using var h = new TraktUsersHost(trakt, TimeProvider.System);
        var users = new[] { h.Link(), h.Link() };

        var results = await Task.WhenAll(users.Select(u => SyncAsync(h, u.User, Library(350, 10_000))));

        Assert.All(results, r => Assert.Equal(350, r.Pushed));
        foreach (var (user, token) in users)
        {
            var writes = trakt.RatingWrites.Where(w => w.Account == trakt.AccountOf(token)).Select(w => w.Time).Order().ToList();
            Assert.Equal(new[] { 100, 100, 100, 50 }, trakt.RatingWrites.Where(w => w.Account == trakt.AccountOf(token)).Select(w => w.Items));
            var max = MaxInWindow(writes, _second);
            var rate = Rate(writes);
            _output.WriteLine(Invariant($"user {user.ToString("N")[..6]}: {writes.Count} writes, max writes in any 1 s window / limit = {max} / 1, achieved rate / limit = {rate:0.000}"));
            Assert.Equal(1, MaxInWindow(writes, _second - _jitter));
        }

        // The two users' limits are their own: together they write faster than one user may.
        var all = trakt.RatingWrites.Select(w => w.Time).Order().ToList();
        var together = Rate(all);
        _output.WriteLine(Invariant($"both users: {all.Count} writes, max writes in any 1 s window = {MaxInWindow(all, _second)}, combined rate / one user's limit = {together:0.000}"));
        Assert.True(MaxInWindow(all, _second - _jitter) >= 2, "the second user waited for the first user's write window");
    }

    [Fact]
    public async Task Benchmark_UnchangedSync_MakesOnlyTheLastActivitiesCall()
    {
        await using var trakt = await TraktEmulator.StartAsync();
        using var h = new TraktUsersHost(trakt, TimeProvider.System);
        var (user, token) = h.Link();
        var library = Library(350, 20_000);
        trakt.RateOnTrakt(token, new TraktRatingEntry("movie", 30_001, null, null, 6, new DateTimeOffset(2024, 3, 1, 20, 15, 0, TimeSpan.Zero)));
        await SyncAsync(h, user, library);

        // The sync after a push pulls once (our own writes moved Trakt's mark); from then on nothing changed.
        await SyncAsync(h, user, library);
        const int Runs = 10;
        var before = trakt.Requests.Count;
        for (var i = 0; i < Runs; i++)
        {
            var result = await SyncAsync(h, user, library);
            Assert.False(result.Pulled);
        }

        var calls = trakt.Requests.Skip(before).ToList();
        _output.WriteLine(Invariant($"{Runs} unchanged syncs of 350 ratings: {calls.Count} calls, calls per unchanged sync = {(double)calls.Count / Runs:0.00} (target 1: last_activities)"));
        Assert.Equal(Runs, calls.Count);
        Assert.All(calls, c => Assert.Equal("/sync/last_activities", c.Path));
    }

    private static List<LocalRating> Library(int count, long firstTmdb) =>
        Enumerable.Range(1, count).Select(i => new LocalRating(RatingKind.Movie, new TraktIds(Tmdb: firstTmdb + i), 1 + (i % 10), DateTimeOffset.UtcNow)).ToList();

    private static async Task<RatingsSyncResult> SyncAsync(TraktUsersHost h, Guid user, IReadOnlyCollection<LocalRating> library)
    {
        var client = new TraktRatingsClient(h.Api(user), h.Host.Get<ILogger<RatingsSyncBenchmarkTests>>());
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await h.Host.Get<RatingsSync>().RunAsync(user.ToString("N"), client, library, guard.Token);
    }

    // Writes per second over the 1-second slots the run used: n writes from the first arrival to one second after the last.
    private static double Rate(IReadOnlyList<DateTimeOffset> times) => times.Count / ((times[^1] - times[0]) + _second).TotalSeconds;

    // The most arrivals inside any window that starts at an arrival.
    private static int MaxInWindow(IReadOnlyList<DateTimeOffset> times, TimeSpan window) =>
        times.Count == 0 ? 0 : times.Select((start, i) => times.Skip(i).TakeWhile(t => t - start < window).Count()).Max();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
