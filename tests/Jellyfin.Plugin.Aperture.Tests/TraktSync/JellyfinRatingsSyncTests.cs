using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.TraktSync;
using MediaBrowser.Model.Entities;
using MediaBrowser.Model.Tasks;
using Moq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktSync;

/// <summary>
/// The rating sync through Jellyfin's side: ratings read from and written to user data, local change times recorded
/// from UserDataSaved, the debounced start, and the task, against the Trakt emulator through the real pipeline.
/// </summary>
public sealed class JellyfinRatingsSyncTests : IAsyncLifetime
{
    private static readonly DateTimeOffset _longAgo = new(2024, 3, 1, 20, 15, 0, TimeSpan.Zero);
    private readonly JellyfinRatingsHost _h = new();

    public Task InitializeAsync() => _h.InitializeAsync();

    public Task DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task ARatingSetInJellyfinReachesTraktWithTheTimeItWasMade()
    {
        await _h.LinkAliceAsync();
        var matrix = _h.AddMovie("The Matrix", 603, "tt0133093");
        var ratedAt = _h.Host.Time.GetUtcNow();

        _h.RateInJellyfin(matrix, 7.5);
        _h.Host.Time.Advance(TimeSpan.FromMinutes(3));
        await _h.RunTaskAsync();

        var entry = Assert.Single(_h.Trakt.RatingsOf(_h.AccessToken));
        Assert.Equal(8, entry.Rating);
        Assert.Equal(603, entry.Tmdb);
        Assert.Equal(ratedAt, entry.RatedAt);
        Assert.Equal(7.5, _h.RatingInJellyfin(matrix));
    }

    [Fact]
    public async Task ALikeGoesToTraktAsTenAndAnUnratingRemovesIt()
    {
        await _h.LinkAliceAsync();
        var matrix = _h.AddMovie("The Matrix", 603, "tt0133093");
        _h.RateInJellyfin(matrix, null, likes: true);
        await _h.RunTaskAsync();
        Assert.Equal(10, Assert.Single(_h.Trakt.RatingsOf(_h.AccessToken)).Rating);

        _h.Host.Time.Advance(TimeSpan.FromMinutes(1));
        _h.RateInJellyfin(matrix, null);
        await _h.RunTaskAsync();

        Assert.Empty(_h.Trakt.RatingsOf(_h.AccessToken));
    }

    [Fact]
    public async Task ATraktRatingLandsInJellyfinUserDataAndDoesNotEcho()
    {
        await _h.LinkAliceAsync();
        var breakingBad = _h.AddSeries("Breaking Bad", 81189);
        _h.Trakt.RateOnTrakt(_h.AccessToken, new TraktRatingEntry("show", null, "tt0903747", 81189, 9, _longAgo));

        await _h.RunTaskAsync();

        Assert.Equal(9.0, _h.RatingInJellyfin(breakingBad));
        Assert.Equal(UserDataSaveReason.Import, Assert.Single(_h.Saves));

        // Aperture's own write: Trakt's date is the local change time, the listener recorded nothing of its own and
        // started no sync.
        var seen = _h.Times.Load(_h.Alice.Id)[breakingBad.Id];
        Assert.Equal(new LocalRatingTime(9, _longAgo), seen);
        _h.Host.Time.Advance(RatingsSyncDebouncer.MaxDelay);
        _h.Launcher.Verify(l => l.QueueRun(), Times.Never);

        // A second run sends nothing back and changes nothing here.
        var writes = _h.Trakt.RatingWrites.Count;
        var result = (await _h.RunTaskAsync())[_h.Alice.Id];
        Assert.Equal(writes, _h.Trakt.RatingWrites.Count);
        Assert.Equal(0, result.Pushed);
        Assert.Empty(result.LocalWrites);
        Assert.Single(_h.Saves);
    }

    [Fact]
    public async Task AnUnratingOnTraktClearsTheJellyfinRating()
    {
        await _h.LinkAliceAsync();
        var matrix = _h.AddMovie("The Matrix", 603, "tt0133093");
        _h.RateInJellyfin(matrix, 6);
        await _h.RunTaskAsync();
        Assert.True(_h.Trakt.UnrateOnTrakt(_h.AccessToken, "movie", tmdb: 603));
        _h.Host.Time.Advance(TimeSpan.FromMinutes(5));

        await _h.RunTaskAsync();

        Assert.Null(_h.RatingInJellyfin(matrix));
        Assert.Empty(_h.Trakt.RatingsOf(_h.AccessToken));
    }

    [Fact]
    public async Task ALocalRatingChangeStartsTheSyncAMinuteAfterTheLastChange()
    {
        await _h.LinkAliceAsync();
        var matrix = _h.AddMovie("The Matrix", 603, "tt0133093");
        var fightClub = _h.AddMovie("Fight Club", 550, "tt0137523");

        _h.RateInJellyfin(matrix, 8);
        _h.Host.Time.Advance(TimeSpan.FromSeconds(40));
        _h.RateInJellyfin(fightClub, 3);
        _h.Host.Time.Advance(TimeSpan.FromSeconds(40));
        _h.Launcher.Verify(l => l.QueueRun(), Times.Never);

        _h.Host.Time.Advance(TimeSpan.FromSeconds(20));
        _h.Launcher.Verify(l => l.QueueRun(), Times.Once);
    }

    [Fact]
    public async Task ASteadyStreamOfChangesStillStartsTheSyncWithinTheLimit()
    {
        await _h.LinkAliceAsync();
        var matrix = _h.AddMovie("The Matrix", 603, "tt0133093");
        for (var i = 0; i < 8; i++)
        {
            _h.RateInJellyfin(matrix, 1 + i);
            _h.Host.Time.Advance(TimeSpan.FromSeconds(45));
        }

        _h.Launcher.Verify(l => l.QueueRun(), Times.Once);
    }

    [Fact]
    public async Task ASaveThatLeavesTheRatingAloneIsNotAChange()
    {
        await _h.LinkAliceAsync();
        var matrix = _h.AddMovie("The Matrix", 603, "tt0133093");
        _h.RateInJellyfin(matrix, 8);
        var first = _h.Times.Load(_h.Alice.Id)[matrix.Id];
        _h.Host.Time.Advance(TimeSpan.FromMinutes(10));

        var data = _h.UserData.Object.GetUserData(_h.Alice, matrix)!;
        data.Played = true;
        _h.UserData.Object.SaveUserData(_h.Alice, matrix, data, UserDataSaveReason.PlaybackFinished, CancellationToken.None);

        Assert.Equal(first, _h.Times.Load(_h.Alice.Id)[matrix.Id]);
    }

    [Fact]
    public async Task UsersNotLinkedOrToLinkAgainAreSkipped()
    {
        _h.AddMovie("The Matrix", 603, "tt0133093");
        Assert.Empty(await _h.RunTaskAsync());

        await _h.LinkAliceAsync();
        _h.Host.Get<Jellyfin.Plugin.Aperture.TraktAccounts.TraktAccountStore>().MarkLinkAgain(_h.Alice.Id, "revoked");
        var calls = _h.Trakt.Requests.Count;

        Assert.Empty(await _h.RunTaskAsync());
        Assert.Equal(calls, _h.Trakt.Requests.Count);
    }

    [Fact]
    public void TheTaskIsAnApertureTaskEverySixHours()
    {
        var task = new SyncTraktRatingsTask(_h.Host.Get<RatingsSyncRunner>());
        Assert.Equal("Sync Trakt ratings", task.Name);
        Assert.Equal("Aperture", task.Category);
        var trigger = Assert.Single(task.GetDefaultTriggers());
        Assert.Equal(TaskTriggerInfoType.IntervalTrigger, trigger.Type);
        Assert.Equal(TimeSpan.FromHours(6).Ticks, trigger.IntervalTicks);
    }
}
