using System;
using System.IO;
using System.Linq;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.Storage;
using Jellyfin.Plugin.Aperture.TraktSync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Discovery;

public sealed class MissingTitleStoreTests : IDisposable
{
    private static readonly DateTimeOffset _now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("aperture-missing-").FullName;
    private readonly ApertureDatabase _database;

    public MissingTitleStoreTests()
    {
        var paths = new AperturePaths(_folder);
        paths.EnsureCreated();
        _database = new ApertureDatabase(paths, NullLogger<ApertureDatabase>.Instance);
    }

    [Fact]
    public void AUserSeesTheirOwnListsAndServerWideOnesInTheSourcesOrderButNotAnotherUsers()
    {
        var store = new MissingTitleStore(_database);
        var alice = Guid.NewGuid();
        var bob = Guid.NewGuid();
        store.Replace(MissingTitleSources.TraktWatchlist, "watchlist", alice, [Title("Dune", 1), Title("Arrival", 2)], _now);
        store.Replace(MissingTitleSources.TraktWatchlist, "watchlist", bob, [Title("Heat", 1)], _now);
        store.Replace(MissingTitleSources.MdbList, "top-movies", null, [Title("Alien", 1)], _now);

        var seen = store.List(alice);

        Assert.Equal(["Alien", "Dune", "Arrival"], seen.Select(e => e.Title.Title));
        Assert.Null(seen[0].UserId);
        Assert.Equal(alice, seen[1].UserId);
        Assert.DoesNotContain(store.List(alice), e => e.Title.Title == "Heat");
        Assert.Equal(["Alien"], store.List(null).Select(e => e.Title.Title));
    }

    [Fact]
    public void ReplacingAListKeepsTheOtherListsAndForgetClearsOnlyThatUsersSource()
    {
        var store = new MissingTitleStore(_database);
        var alice = Guid.NewGuid();
        store.Replace(MissingTitleSources.TraktWatchlist, "watchlist", alice, [Title("Dune", 1), Title("Arrival", 2)], _now);
        store.Replace(MissingTitleSources.TraktSuggestions, "movies", alice, [Title("Heat", 1)], _now);

        store.Replace(MissingTitleSources.TraktWatchlist, "watchlist", alice, [Title("Arrival", 1)], _now.AddHours(1));
        Assert.Equal(["Arrival"], store.List(alice, MissingTitleSources.TraktWatchlist).Select(e => e.Title.Title));
        Assert.Equal(["Heat"], store.List(alice, MissingTitleSources.TraktSuggestions).Select(e => e.Title.Title));

        store.Forget(MissingTitleSources.TraktWatchlist, alice);
        var left = Assert.Single(store.List(alice));
        Assert.Equal(MissingTitleSources.TraktSuggestions, left.Source);
        Assert.Equal(new MissingTitle(MissingTitle.Movie, "Heat", 1999, "tt0000001", 1, null, 1), left.Title);
        Assert.Equal(_now, left.UpdatedAt);
    }

    [Fact]
    public void TheSyncLogKeepsTheLastRunOfEachFeaturePerUser()
    {
        var log = new TraktSyncLog(_database);
        var alice = Guid.NewGuid();
        log.Record(alice, new TraktSyncRun(TraktSyncFeatures.Ratings, _now, false, "Trakt is away."));
        log.Record(alice, new TraktSyncRun(TraktSyncFeatures.Ratings, _now.AddHours(6), true, "2 ratings sent to Trakt."));
        log.Record(alice, new TraktSyncRun(TraktSyncFeatures.Watchlist, _now, true, "1 title added to the playlist."));
        log.Record(Guid.NewGuid(), new TraktSyncRun(TraktSyncFeatures.Ratings, _now, true, "Nothing changed."));

        var runs = log.Read(alice);

        Assert.Equal(
            [new TraktSyncRun(TraktSyncFeatures.Ratings, _now.AddHours(6), true, "2 ratings sent to Trakt."), new TraktSyncRun(TraktSyncFeatures.Watchlist, _now, true, "1 title added to the playlist.")],
            runs);
        log.Forget(alice);
        Assert.Empty(log.Read(alice));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static MissingTitle Title(string name, int rank) => new(MissingTitle.Movie, name, 1999, "tt000000" + rank, rank, null, rank);
}
