using System;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.TraktSync;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktSync;

/// <summary>
/// One user's two-way rating sync through the real pipeline against the stateful Trakt emulator. Times are data
/// (rated_at, local change times), never measured.
/// </summary>
public sealed class RatingsSyncTests : IAsyncLifetime
{
    private static readonly TraktIds _matrix = new(Tmdb: 603, Imdb: "tt0133093");
    private static readonly TraktIds _fightClub = new(Tmdb: 550, Imdb: "tt0137523");
    private static readonly TraktIds _breakingBad = new(Imdb: "tt0903747", Tvdb: 81189);
    private static readonly DateTimeOffset _longAgo = new(2024, 3, 1, 20, 15, 0, TimeSpan.Zero);
    private TraktEmulator? _trakt;
    private TraktSyncHost? _host;

    private TraktEmulator Trakt => _trakt!;

    private TraktSyncHost Host => _host!;

    public async Task InitializeAsync()
    {
        _trakt = await TraktEmulator.StartAsync();
        _host = new TraktSyncHost(_trakt);
        Host.Add("matrix", RatingKind.Movie, _matrix);
        Host.Add("fightClub", RatingKind.Movie, _fightClub);
        Host.Add("breakingBad", RatingKind.Show, _breakingBad);
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        if (_trakt is not null)
        {
            await _trakt.DisposeAsync();
        }
    }

    [Fact]
    public async Task FirstSyncLocalRatingsWinAndTraktOnlyRatingsArriveWithTheirDates()
    {
        var localAt = _longAgo.AddDays(10);
        Host.RateLocally("matrix", 8, localAt);
        RateOnTrakt(_matrix, 5, _longAgo.AddDays(20));
        RateOnTrakt(_fightClub, 9, _longAgo);
        RateOnTrakt(_breakingBad, 7, _longAgo, "show");
        RateOnTrakt(new TraktIds(Tmdb: 999_999), 3, _longAgo);

        var result = await Host.RunAsync();

        Assert.True(result.Completed);
        Assert.True(result.Pulled);
        Assert.Equal((8, localAt), Rated(Host.Remote(_matrix)));
        Assert.Equal(9, Host.Local("fightClub"));
        Assert.Equal(_longAgo, Host.Library["fightClub"].ChangedAt);
        Assert.Equal(7, Host.Local("breakingBad"));
        Assert.Equal(1, result.Pushed);

        // A title outside the library is neither imported nor touched.
        Assert.Equal(3, Host.Remote(new TraktIds(Tmdb: 999_999))!.Rating);
        Assert.Equal(2, result.LocalWrites.Count);
    }

    [Fact]
    public async Task ALocalChangeReachesTrakt()
    {
        Host.RateLocally("matrix", 6);
        await Host.RunAsync();

        Host.RateLocally("matrix", 9);
        var result = await Host.RunAsync();

        Assert.Equal(9, Host.Remote(_matrix)!.Rating);
        Assert.Equal(1, result.Pushed);
        Assert.Empty(result.LocalWrites);
    }

    [Fact]
    public async Task ARemoteChangeReachesJellyfinWithoutAWrite()
    {
        RateOnTrakt(_fightClub, 9, _longAgo);
        await Host.RunAsync();
        var writes = Trakt.RatingWrites.Count;

        RateOnTrakt(_fightClub, 4, Host.Clock.GetUtcNow());
        var result = await Host.RunAsync();

        Assert.Equal(4, Host.Local("fightClub"));
        Assert.Equal(writes, Trakt.RatingWrites.Count);
        Assert.Equal(0, result.Pushed);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WhenBothSidesChangedTheLaterChangeWins(bool localIsLater)
    {
        Host.RateLocally("matrix", 6, _longAgo);
        await Host.RunAsync();

        var now = Host.Clock.GetUtcNow();
        Host.RateLocally("matrix", 9, localIsLater ? now : now.AddMinutes(-5));
        RateOnTrakt(_matrix, 2, localIsLater ? now.AddMinutes(-5) : now);
        await Host.RunAsync();

        var expected = localIsLater ? 9 : 2;
        Assert.Equal(expected, Host.Local("matrix"));
        Assert.Equal(expected, Host.Remote(_matrix)!.Rating);
    }

    [Fact]
    public async Task UnratingInJellyfinRemovesTheTraktRating()
    {
        Host.RateLocally("matrix", 7);
        await Host.RunAsync();

        Host.RateLocally("matrix", null);
        var result = await Host.RunAsync();

        Assert.Null(Host.Remote(_matrix));
        Assert.Equal(1, result.Removed);
        Assert.Contains(Trakt.RatingWrites, w => w.Path == "/sync/ratings/remove");
    }

    [Fact]
    public async Task UnratingOnTraktClearsTheJellyfinRating()
    {
        RateOnTrakt(_breakingBad, 8, _longAgo, "show");
        await Host.RunAsync();
        Assert.Equal(8, Host.Local("breakingBad"));

        Assert.True(Trakt.UnrateOnTrakt(Host.Tokens.AccessToken, "show", tvdb: 81189));
        var result = await Host.RunAsync();

        Assert.Null(Host.Local("breakingBad"));
        Assert.Single(result.LocalRemovals);
        Assert.Equal(0, result.Pushed + result.Removed);
    }

    [Fact]
    public async Task NothingEchoesAfterARoundTripAndAQuietSyncMakesOnlyTheActivitiesCall()
    {
        Host.RateLocally("matrix", 8);
        RateOnTrakt(_fightClub, 6, _longAgo);
        await Host.RunAsync();
        var writes = Trakt.RatingWrites.Count;

        // Our own push moved Trakt's activity stamp: this sync pulls once and finds nothing to send either way.
        var second = await Host.RunAsync();
        Assert.True(second.Pulled);
        Assert.Empty(second.LocalWrites);
        Assert.Equal(writes, Trakt.RatingWrites.Count);

        var before = Trakt.Requests.Count;
        var third = await Host.RunAsync();

        Assert.False(third.Pulled);
        var request = Assert.Single(Trakt.Requests.Skip(before));
        Assert.Equal(("GET", "/sync/last_activities"), (request.Method, request.Path));
    }

    [Fact]
    public async Task AFailedPushIsRetriedAndNeverRevertedByAPull()
    {
        Host.RateLocally("matrix", 5, _longAgo);
        await Host.RunAsync();

        Host.RateLocally("matrix", 9);
        Trakt.FailNextWrites(1);
        var failed = await Host.RunAsync();

        Assert.Equal(1, failed.Pending);
        Assert.Equal(5, Host.Remote(_matrix)!.Rating);

        // Trakt's value of the same title changes after the local change (a stale client, another app): the pending
        // push still stands, is retried, and the pull does not revert it.
        RateOnTrakt(_matrix, 3, Host.Clock.GetUtcNow().AddHours(1));
        RateOnTrakt(_fightClub, 7, Host.Clock.GetUtcNow().AddHours(1));
        var retried = await Host.RunAsync();

        Assert.True(retried.Pulled);
        Assert.Equal(9, Host.Local("matrix"));
        Assert.Equal(9, Host.Remote(_matrix)!.Rating);
        Assert.Equal(0, retried.Pending);
        Assert.Equal(1, retried.Pushed);
        Assert.Equal(7, Host.Local("fightClub"));
    }

    [Fact]
    public async Task AFailedPushIsRetriedEvenWhenTraktHasNothingNew()
    {
        Host.RateLocally("matrix", 5, _longAgo);
        await Host.RunAsync();
        await Host.RunAsync();

        Host.RateLocally("matrix", 9);
        Trakt.FailNextWrites(1);
        await Host.RunAsync();
        var result = await Host.RunAsync();

        Assert.Equal(1, result.Pushed);
        Assert.Equal(9, Host.Remote(_matrix)!.Rating);
    }

    [Fact]
    public async Task ARatingOfATitleTraktDoesNotKnowIsNotSentAgainUntilItChanges()
    {
        var obscure = new TraktIds(Tmdb: 4_242_424);
        Trakt.MarkUnknown(4_242_424);
        Host.Add("obscure", RatingKind.Movie, obscure, 7);

        var first = await Host.RunAsync();
        Assert.Equal(1, first.NotFound);
        Assert.Equal(7, Host.Local("obscure"));
        var writes = Trakt.RatingWrites.Count;

        await Host.RunAsync();
        await Host.RunAsync();
        Assert.Equal(writes, Trakt.RatingWrites.Count);
        Assert.Equal(7, Host.Local("obscure"));

        Host.RateLocally("obscure", 8);
        await Host.RunAsync();
        Assert.Equal(writes + 1, Trakt.RatingWrites.Count);
    }

    [Fact]
    public async Task AnUnlinkedUserChangesNothing()
    {
        var api = new TraktUserApi(
            Host.Provider.GetService(typeof(Jellyfin.Plugin.Aperture.Http.IUpstreamPipeline)) as Jellyfin.Plugin.Aperture.Http.IUpstreamPipeline ?? throw new InvalidOperationException(),
            Integrations.EmulatorFixture<TraktEmulator>.Target(Trakt.BaseUrl, ("clientId", Trakt.ValidKey)),
            Trakt.ValidKey,
            Guid.Parse(Host.UserId),
            _ => Task.FromResult<string?>(null));
        var client = new TraktRatingsClient(api, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var result = await Host.Sync.RunAsync(Host.UserId, client, Host.Library.Values.ToList(), default);

        Assert.False(result.Completed);
        Assert.Contains("not linked", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, Trakt.RequestCount);
    }

    private static (int Rating, DateTimeOffset RatedAt) Rated(TraktRatingEntry? entry) => (entry!.Rating, entry.RatedAt);

    private void RateOnTrakt(TraktIds ids, int rating, DateTimeOffset at, string type = "movie") =>
        Trakt.RateOnTrakt(Host.Tokens.AccessToken, new TraktRatingEntry(type, ids.Tmdb, ids.Imdb, ids.Tvdb, rating, at));
}
