using System;
using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.TopPicks;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TopPicks;

/// <summary>The plan on its own (plain records): copies, the maximum, kinds and ids.</summary>
public sealed class TopPicksPlannerTests
{
    private static readonly DateTime Added = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ATitleHeldTwiceBringsBothCopiesAndCountsOnceTowardTheMaximum()
    {
        var matrix4k = Movie("tt0133093", "603");
        var matrixHd = Movie("tt0133093", null);
        var inception = Movie(null, "27205");
        var empire = Movie("tt0080684", null);
        var list = new[] { Item(1, "tt0133093", 603), Item(2, "tt1375666", 27205), Item(3, "tt0080684", 1891) };

        var plan = TopPicksPlanner.Plan(Choice(max: 2), list, [matrix4k, matrixHd, inception, empire], [], new HashSet<Guid>());

        Assert.Equal([matrix4k.Id, matrixHd.Id, inception.Id], plan.Wanted);
        Assert.Equal(3, plan.InLibrary);
        Assert.Empty(plan.Missing);
    }

    [Fact]
    public void AMovieListNeverTakesASeriesWithTheSameTmdbId()
    {
        var series = new LibraryItem(Guid.NewGuid(), MediaKind.Series, "Show 603", 2000, "603", null, null, Added);

        var plan = TopPicksPlanner.Plan(Choice(max: 10), [Item(1, null, 603)], [series], [], new HashSet<Guid>());

        Assert.Empty(plan.Wanted);
        Assert.Single(plan.Missing);
    }

    [Fact]
    public void OnlyMembersApertureAddedAreRemovedAndHandAddedOnesFollowTheList()
    {
        var ours = Movie("tt1", null);
        var hand = Movie("tt2", null);
        var staying = Movie("tt3", null);

        var plan = TopPicksPlanner.Plan(Choice(max: 10), [Item(1, "tt3", null)], [ours, hand, staying], [hand.Id, ours.Id, staying.Id], new HashSet<Guid> { ours.Id, staying.Id });

        Assert.Equal([ours.Id], plan.ToRemove);
        Assert.Equal([staying.Id, hand.Id], plan.Order);
        Assert.Empty(plan.ToAdd);
    }

    private static TopPicksListChoice Choice(int max) => new("1", "movie", "List", null, null, max);

    private static MdbListListItem Item(int rank, string? imdb, long? tmdb) => new(rank, "movie", "Title " + rank, 2000, imdb, tmdb, null);

    private static LibraryItem Movie(string? imdb, string? tmdb) => new(Guid.NewGuid(), MediaKind.Movie, "Movie", 2000, tmdb, imdb, null, Added);
}
