using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Jellyfin.Plugin.Aperture.TraktSync;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktSync;

/// <summary>
/// What a user's rating sync leaves behind for the user page and the admin ("last sync and what it did"), and how it
/// reacts to Trakt refusing the user's token: one refresh, then "link again". Through Jellyfin's side against the
/// Trakt emulator, as the scheduled task runs it.
/// </summary>
public sealed class RatingsSyncAccountTests : IAsyncLifetime
{
    private static readonly DateTimeOffset _longAgo = new(2024, 3, 1, 20, 15, 0, TimeSpan.Zero);
    private readonly JellyfinRatingsHost _h = new();

    private TraktSyncLog Log => _h.Host.Get<TraktSyncLog>();

    private int Refreshes => _h.Trakt.Requests.Count(r => r.Path == "/oauth/token");

    public Task InitializeAsync() => _h.InitializeAsync();

    public Task DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task EachSyncRecordsWhenItRanAndWhatItDidInWords()
    {
        await _h.LinkAliceAsync();
        var matrix = _h.AddMovie("The Matrix", 603, "tt0133093");
        var breakingBad = _h.AddSeries("Breaking Bad", 81189);
        _h.RateInJellyfin(matrix, 8);
        _h.Trakt.RateOnTrakt(_h.AccessToken, new TraktRatingEntry("show", null, "tt0903747", 81189, 9, _longAgo));

        await _h.RunTaskAsync();

        var run = Assert.Single(Log.Read(_h.Alice.Id));
        Assert.Equal(TraktSyncFeatures.Ratings, run.Feature);
        Assert.True(run.Succeeded);
        Assert.Equal("1 sent to Trakt, 1 from Trakt", run.Summary);
        Assert.Equal(_h.Host.Time.GetUtcNow(), run.RanAt);
        Assert.Equal(9.0, _h.RatingInJellyfin(breakingBad));

        _h.Host.Time.Advance(TimeSpan.FromHours(6));
        await _h.RunTaskAsync();

        run = Assert.Single(Log.Read(_h.Alice.Id));
        Assert.Equal("Nothing changed", run.Summary);
        Assert.Equal(_h.Host.Time.GetUtcNow(), run.RanAt);
    }

    [Fact]
    public async Task AfterUnlinkingALinkToAnotherAccountStartsWithAFirstSyncAndClearsNoJellyfinRating()
    {
        await _h.LinkAliceAsync();
        var matrix = _h.AddMovie("The Matrix", 603, "tt0133093");
        _h.RateInJellyfin(matrix, 8);
        await _h.RunTaskAsync();
        var firstAccount = _h.Trakt.AccountOf(_h.AccessToken);
        Assert.Equal(8, _h.Trakt.RatingsOf(_h.AccessToken).SingleOrDefault(r => r.Tmdb == 603)?.Rating);

        await _h.Host.Get<TraktUnlink>().UnlinkAsync(_h.Alice.Id, CancellationToken.None);
        _h.Host.Time.Advance(TimeSpan.FromMinutes(1));
        await _h.LinkAliceAsync();
        Assert.NotEqual(firstAccount, _h.Trakt.AccountOf(_h.AccessToken));

        // The new account has no ratings. Against the old snapshot that would read as "unrated on Trakt" and clear
        // the Jellyfin rating; as a first sync, the local rating wins and goes to the new account.
        await _h.RunTaskAsync();

        Assert.Equal(8.0, _h.RatingInJellyfin(matrix));
        Assert.Equal(8, _h.Trakt.RatingsOf(_h.AccessToken).SingleOrDefault(r => r.Tmdb == 603)?.Rating);
    }

    [Fact]
    public async Task AFailedSyncIsRecordedWithTheReasonAndUnlinkingForgetsTheRuns()
    {
        await _h.LinkAliceAsync();
        var matrix = _h.AddMovie("The Matrix", 603, "tt0133093");
        _h.RateInJellyfin(matrix, 8);
        _h.Trakt.ForceAccountAnswer(_h.AccessToken, 420);

        await _h.RunTaskAsync();

        var run = Assert.Single(Log.Read(_h.Alice.Id));
        Assert.True(run.Succeeded);
        Assert.Equal("1 waiting to be sent again", run.Summary);

        _h.Trakt.Mode = FaultMode.Outage;
        _h.Host.Time.Advance(TimeSpan.FromHours(6));
        await _h.RunTaskAsync();
        run = Assert.Single(Log.Read(_h.Alice.Id));
        Assert.False(run.Succeeded);
        Assert.Contains("try again later", run.Summary, StringComparison.Ordinal);

        _h.Trakt.Mode = FaultMode.None;
        await _h.Host.Get<TraktUnlink>().UnlinkAsync(_h.Alice.Id, CancellationToken.None);
        Assert.Empty(Log.Read(_h.Alice.Id));
    }

    [Fact]
    public async Task AUserTraktBlockedSaysWhenTheirSyncResumesAndTheNextCallsWaitHere()
    {
        await _h.LinkAliceAsync();
        var matrix = _h.AddMovie("The Matrix", 603, "tt0133093");
        _h.RateInJellyfin(matrix, 8);
        _h.Trakt.BlockAccount(_h.AccessToken, TimeSpan.FromMinutes(5));

        await _h.RunTaskAsync();
        await _h.RunTaskAsync();

        // One call reached Trakt; the second run was answered here, and the user sees when it resumes.
        Assert.Equal(1, _h.Trakt.ApiCallsOf(_h.AccessToken));
        var run = Assert.Single(Log.Read(_h.Alice.Id));
        Assert.False(run.Succeeded);
        Assert.Contains("calls resume at", run.Summary, StringComparison.Ordinal);

        _h.Trakt.UnblockAccount(_h.AccessToken);
        _h.Host.Time.Advance(TimeSpan.FromMinutes(6));
        await _h.RunTaskAsync();
        Assert.Equal("1 sent to Trakt", Assert.Single(Log.Read(_h.Alice.Id)).Summary);
    }

    [Fact]
    public async Task ARefusedTokenIsRefreshedOnceAndTheSyncGoesOn()
    {
        await _h.LinkAliceAsync();
        var matrix = _h.AddMovie("The Matrix", 603, "tt0133093");
        _h.RateInJellyfin(matrix, 8);
        _h.Trakt.ExpireAccessToken(_h.AccessToken);

        await _h.RunTaskAsync();

        Assert.Equal(1, Refreshes);
        Assert.Equal(8, Assert.Single(_h.Trakt.RatingsOf(_h.AccessToken)).Rating);
        var account = _h.Host.Get<TraktAccountStore>().Get(_h.Alice.Id)!;
        Assert.Equal(TraktLinkState.Linked, account.State);
        Assert.NotEqual(_h.AccessToken, account.Tokens!.AccessToken);
        Assert.True(Assert.Single(Log.Read(_h.Alice.Id)).Succeeded);
    }

    [Fact]
    public async Task ASignInRevokedOnTraktMarksTheUserLinkAgainAfterOneRefresh()
    {
        await _h.LinkAliceAsync();
        _h.AddMovie("The Matrix", 603, "tt0133093");
        _h.Trakt.RevokeAccount(_h.AccessToken);

        await _h.RunTaskAsync();

        Assert.Equal(1, Refreshes);
        Assert.Equal(TraktLinkState.LinkAgain, _h.Host.Get<TraktAccountStore>().Get(_h.Alice.Id)!.State);
        var run = Assert.Single(Log.Read(_h.Alice.Id));
        Assert.False(run.Succeeded);
        Assert.Contains("link Trakt again", run.Summary, StringComparison.Ordinal);

        // Nothing more is sent for Alice until she links again, and no service-wide alert blames the app's credentials.
        var calls = _h.Trakt.Requests.Count;
        await _h.RunTaskAsync();
        Assert.Equal(calls, _h.Trakt.Requests.Count);
        Assert.Empty(_h.Host.Get<Jellyfin.Plugin.Aperture.Health.AlertStore>().ListOpen());
    }

    [Fact]
    public async Task ATokenRefusedAgainAfterARefreshMarksTheUserLinkAgain()
    {
        await _h.LinkAliceAsync();
        _h.AddMovie("The Matrix", 603, "tt0133093");
        _h.Trakt.RefuseAccount(_h.AccessToken);

        await _h.RunTaskAsync();

        Assert.Equal(1, Refreshes);
        var account = _h.Host.Get<TraktAccountStore>().Get(_h.Alice.Id)!;
        Assert.Equal(TraktLinkState.LinkAgain, account.State);
        Assert.Contains("link Trakt again", account.RelinkReason, StringComparison.Ordinal);
    }
}
