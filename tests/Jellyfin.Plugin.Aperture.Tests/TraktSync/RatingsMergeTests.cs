using System;
using System.Collections.Generic;
using System.Linq;
using Jellyfin.Plugin.Aperture.TraktSync;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktSync;

public sealed class RatingsMergeTests
{
    private static readonly DateTimeOffset _t0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TraktIds _matrix = new(Tmdb: 603, Imdb: "tt0133093");
    private static readonly RatingKey _key = RatingKey.For(RatingKind.Movie, _matrix)!.Value;
    private static readonly Dictionary<RatingKey, PendingPush> _noPending = [];

    [Fact]
    public void FirstSyncLocalWinsAndTraktOnlyTitlesKeepTraktsDate()
    {
        var other = new TraktIds(Tmdb: 550);
        var otherKey = RatingKey.For(RatingKind.Movie, other)!.Value;
        var plan = RatingsMerge.Merge(
            [Local(8, _t0), new LocalRating(RatingKind.Movie, other, null, null)],
            Remote((_key, 5, _t0.AddDays(5)), (otherKey, 9, _t0.AddDays(-100))),
            snapshot: null,
            _noPending,
            null);

        var push = Assert.Single(plan.Pushes);
        Assert.Equal((8, (DateTimeOffset?)_t0), (push.Value!.Value, push.At));
        var write = Assert.Single(plan.LocalWrites);
        Assert.Equal((otherKey, 9, (DateTimeOffset?)_t0.AddDays(-100)), (write.Key, write.Value!.Value, write.At));
        Assert.Equal(8, plan.SnapshotChanges[_key]);
        Assert.Equal(9, plan.SnapshotChanges[otherKey]);
    }

    [Fact]
    public void ALocalChangeIsPushed()
    {
        var plan = Merge(local: 9, remote: 7, agreed: 7);
        Assert.Equal(9, Assert.Single(plan.Pushes).Value);
        Assert.Empty(plan.LocalWrites);
        Assert.Equal(9, plan.SnapshotChanges[_key]);
    }

    [Fact]
    public void ARemoteChangeIsWrittenLocally()
    {
        var plan = Merge(local: 7, remote: 4, agreed: 7);
        Assert.Equal(4, Assert.Single(plan.LocalWrites).Value);
        Assert.Empty(plan.Pushes);
    }

    [Theory]
    [InlineData(2, 1, true)]
    [InlineData(1, 2, false)]
    [InlineData(1, 1, true)]
    public void WhenBothChangedTheLaterWins(int localDay, int remoteDay, bool localWins)
    {
        var plan = Merge(local: 9, remote: 3, agreed: 6, localAt: _t0.AddDays(localDay), remoteAt: _t0.AddDays(remoteDay));
        Assert.Equal(localWins ? 1 : 0, plan.Pushes.Count);
        Assert.Equal(localWins ? 0 : 1, plan.LocalWrites.Count);
        Assert.Equal(localWins ? 9 : 3, plan.SnapshotChanges[_key]);
    }

    [Fact]
    public void AnUnknownLocalTimeLosesToTrakt()
    {
        var plan = RatingsMerge.Merge([Local(9, null)], Remote((_key, 3, _t0)), Snapshot(6), _noPending, null);
        Assert.Equal(3, Assert.Single(plan.LocalWrites).Value);
    }

    [Fact]
    public void AnUnratingPropagatesBothWays()
    {
        var local = Merge(local: null, remote: 7, agreed: 7);
        Assert.Equal(_key, Assert.Single(local.RemoteRemovals).Key);
        Assert.Null(local.SnapshotChanges[_key]);

        var remote = Merge(local: 7, remote: null, agreed: 7);
        Assert.Equal(_key, Assert.Single(remote.LocalRemovals).Key);
        Assert.Null(remote.SnapshotChanges[_key]);
    }

    [Fact]
    public void ARemoteRemovalUsesTraktsLastActivityAsItsTime()
    {
        var later = Merge(local: 9, remote: null, agreed: 7, localAt: _t0.AddDays(1), removedAt: _t0.AddDays(2));
        Assert.Single(later.LocalRemovals);
        var earlier = Merge(local: 9, remote: null, agreed: 7, localAt: _t0.AddDays(3), removedAt: _t0.AddDays(2));
        Assert.Single(earlier.Pushes);
    }

    [Fact]
    public void NothingEchoesWhenBothSidesAgree()
    {
        Assert.True(Merge(local: 8, remote: 8, agreed: 8).IsEmpty);
        var converged = Merge(local: 8, remote: 8, agreed: 5);
        Assert.True(converged.IsEmpty);
        Assert.Equal(8, converged.SnapshotChanges[_key]);
        Assert.True(Merge(local: null, remote: null, agreed: null).IsEmpty);
    }

    [Fact]
    public void APendingPushWinsOverALaterTraktValue()
    {
        var pending = new Dictionary<RatingKey, PendingPush> { [_key] = new(_key, 9, _t0, 1, "outage") };
        var plan = RatingsMerge.Merge([Local(9, _t0)], Remote((_key, 2, _t0.AddDays(10))), Snapshot(7), pending, null);
        Assert.Equal(9, Assert.Single(plan.Pushes).Value);
        Assert.Empty(plan.LocalWrites);
    }

    [Fact]
    public void TitlesOutsideTheLibraryAreLeftAlone()
    {
        var gone = new RatingKey("movie:tmdb:1");
        var snapshot = new Dictionary<RatingKey, int> { [gone] = 5 };
        var plan = RatingsMerge.Merge([], Remote((gone, 6, _t0)), snapshot, _noPending, null);
        Assert.True(plan.IsEmpty);
        Assert.Empty(plan.SnapshotChanges);
    }

    [Fact]
    public void TraktRatingsMatchLibraryItemsByAnySharedId()
    {
        var matcher = new RatingKeyMatcher([new LocalRating(RatingKind.Show, new TraktIds(Tvdb: 81189, Imdb: "tt0903747"), null, null)]);
        Assert.Equal(new RatingKey("show:tvdb:81189"), matcher.Match(RatingKind.Show, new TraktIds(Trakt: 1, Imdb: "TT0903747", Tmdb: 1396)));
        Assert.Null(matcher.Match(RatingKind.Movie, new TraktIds(Imdb: "tt0903747")));
    }

    [Theory]
    [InlineData(7.0, null, 7)]
    [InlineData(6.5, null, 7)]
    [InlineData(7.4, null, 7)]
    [InlineData(0.0, null, 1)]
    [InlineData(10.0, true, 10)]
    [InlineData(null, true, 10)]
    [InlineData(null, false, 1)]
    public void JellyfinRatingsMapToTraktsScale(double? rating, bool? likes, int expected)
    {
        Assert.Equal(expected, TraktRatingScale.ToTrakt(rating, likes));
    }

    [Fact]
    public void ARoundTripNeverChangesAValue()
    {
        Assert.Null(TraktRatingScale.ToTrakt(null, null));
        for (var n = 1; n <= 10; n++)
        {
            Assert.Equal(n, TraktRatingScale.ToTrakt(TraktRatingScale.ToJellyfin(n)));

            // Jellyfin's own like threshold: a Trakt 7 or more reads as a like.
            Assert.Equal(n >= 7, TraktRatingScale.ToJellyfin(n) >= 6.5);
        }
    }

    private static RatingsPlan Merge(int? local, int? remote, int? agreed, DateTimeOffset? localAt = default, DateTimeOffset? remoteAt = null, DateTimeOffset? removedAt = null)
    {
        var remotes = remote is { } r ? Remote((_key, r, remoteAt ?? _t0)) : [];
        var snapshot = agreed is { } a ? Snapshot(a) : [];
        return RatingsMerge.Merge([Local(local, localAt ?? _t0)], remotes, snapshot, _noPending, removedAt);
    }

    private static LocalRating Local(int? value, DateTimeOffset? at) => new(RatingKind.Movie, _matrix, value, at);

    private static Dictionary<RatingKey, int> Snapshot(int value) => new() { [_key] = value };

    private static Dictionary<RatingKey, RemoteRating> Remote(params (RatingKey Key, int Value, DateTimeOffset At)[] ratings) =>
        ratings.ToDictionary(r => r.Key, r => new RemoteRating(RatingKind.Movie, _matrix, r.Value, r.At));
}
