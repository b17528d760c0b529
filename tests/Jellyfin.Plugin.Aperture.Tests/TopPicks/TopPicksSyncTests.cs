using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.TopPicks;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TopPicks;

/// <summary>
/// Top Picks against the MDBList emulator: a list becomes a collection in rank order, follows the list, keeps
/// hand-added members, and never loses its last good state to an outage, a spent quota or an answer it cannot read.
/// </summary>
public sealed class TopPicksSyncTests : IAsyncLifetime
{
    private const int ListNumber = 4242;
    private const string ListId = "4242";
    private static readonly MdbListListEntry Matrix = new("movie", "The Matrix", 1999, "tt0133093", 603, null, ["action", "science-fiction"], 3, 90);
    private static readonly MdbListListEntry Heat = new("movie", "Heat", 1995, "tt0113277", 949, null, ["crime", "drama"], 9, 85);
    private static readonly MdbListListEntry Empire = new("movie", "The Empire Strikes Back", 1980, "tt0080684", 1891, null, ["action", "adventure"], 2, 88);
    private static readonly MdbListListEntry Inception = new("movie", "Inception", 2010, "tt1375666", 27205, null, ["action", "drama"], 1, 87);
    private static readonly MdbListListEntry Alien = new("movie", "Alien", 1979, "tt0078748", 348, null, ["horror"], 7, 86);

    private MdbListEmulator _mdbList = null!;
    private TopPicksHost _host = null!;
    private LibraryItem _matrix = null!;
    private LibraryItem _empire = null!;
    private LibraryItem _inception = null!;

    public async Task InitializeAsync()
    {
        _mdbList = await MdbListEmulator.StartAsync();
        _mdbList.UnknownIdsAreNotFound = true;
        _host = new TopPicksHost(_mdbList);

        // The library matches one title by IMDb id only and one by TMDb id only.
        _matrix = _host.AddMovie("The Matrix", "tt0133093", 603);
        _empire = _host.AddMovie("The Empire Strikes Back", "tt0080684", null);
        _inception = _host.AddMovie("Inception", null, 27205);
        _host.AddSeries("Breaking Bad", 81189);
        _mdbList.SetList(ListNumber, "Best Movies Now", "demo", "movie", [Matrix, Heat, Empire, Inception, Alien], likes: 10);
        _host.Choose(Choice());
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _mdbList.DisposeAsync();
    }

    [Fact]
    public async Task AListBecomesACollectionOfTheLibrarysTitlesInRankOrderAndTheRestAreStoredAsMissing()
    {
        var report = await _host.RunAsync();

        var list = Assert.Single(report.Lists);
        Assert.True(list.Synced, list.Summary);
        var (name, members) = _host.CollectionOf(ListId);
        Assert.Equal("Top Picks: Best Movies Now", name);
        Assert.Equal([_matrix.Id, _empire.Id, _inception.Id], members);
        var missing = _host.Get<MissingTitleStore>().List(null, MissingTitleSources.MdbList);
        Assert.Equal(["Heat", "Alien"], missing.Select(m => m.Title.Title));
        Assert.Equal([2, 5], missing.Select(m => m.Title.Rank));
        Assert.All(missing, m => Assert.Equal(ListId, m.List));
        Assert.Equal((3, 0, 2, 1), (list.Added, list.Removed, list.Missing, list.Requests));
    }

    [Fact]
    public async Task WhenTheListChangesTheCollectionFollowsItsNewOrderAndLosesWhatLeft()
    {
        await _host.RunAsync();
        _mdbList.SetListItems(ListNumber, [Inception, Alien, Matrix]);

        var list = Assert.Single((await _host.RunAsync()).Lists);

        Assert.Equal([_inception.Id, _matrix.Id], _host.CollectionOf(ListId).Members);
        Assert.Equal((0, 1), (list.Added, list.Removed));
        Assert.Equal(["Alien"], _host.Get<MissingTitleStore>().List(null, MissingTitleSources.MdbList).Select(m => m.Title.Title));
    }

    [Fact]
    public async Task MembersTheAdminAddedByHandStayWhenTheListChanges()
    {
        await _host.RunAsync();
        var collectionId = _host.Get<TopPicksStore>().GetState(ListId).CollectionId!.Value;
        var handPicked = _host.AddSeries("Breaking Bad (hand-picked)", 1);
        _host.Collections.AddByHand(collectionId, handPicked.Id);
        _mdbList.SetListItems(ListNumber, [Empire]);

        await _host.RunAsync();

        Assert.Equal([_empire.Id, handPicked.Id], _host.CollectionOf(ListId).Members);
    }

    [Fact]
    public async Task ACollectionTheAdminDeletedIsMadeAgain()
    {
        await _host.RunAsync();
        var first = _host.Get<TopPicksStore>().GetState(ListId).CollectionId!.Value;
        _host.Collections.Delete(first);

        await _host.RunAsync();

        var second = _host.Get<TopPicksStore>().GetState(ListId).CollectionId!.Value;
        Assert.NotEqual(first, second);
        Assert.Equal([_matrix.Id, _empire.Id, _inception.Id], _host.CollectionOf(ListId).Members);
    }

    [Theory]
    [InlineData(FaultMode.Outage, AlertKind.Outage)]
    [InlineData(FaultMode.HtmlErrorPage, AlertKind.Outage)]
    [InlineData(FaultMode.MalformedBody, AlertKind.BadResponse)]
    [InlineData(FaultMode.QuotaExhausted, AlertKind.Quota)]
    [InlineData(FaultMode.RateLimited, AlertKind.RateLimit)]
    [InlineData(FaultMode.BadKey, AlertKind.Authentication)]
    public async Task AFailingMdbListLeavesTheCollectionAsItWasWithAnAlertThatClearsOnTheNextGoodSync(FaultMode mode, AlertKind kind)
    {
        await _host.RunAsync();
        _mdbList.SetListItems(ListNumber, [Alien]);
        _mdbList.Mode = mode;

        var report = await _host.RunAsync();

        Assert.Equal([_matrix.Id, _empire.Id, _inception.Id], _host.CollectionOf(ListId).Members);
        Assert.False(Assert.Single(report.Lists).Synced);
        var alert = Assert.Single(_host.Get<AlertStore>().ListOpen(), a => a.Service == TopPicksSync.AlertService);
        Assert.Equal(kind, alert.Kind);
        Assert.Contains("Best Movies Now", alert.Message, StringComparison.Ordinal);
        Assert.Equal(["Heat", "Alien"], _host.Get<MissingTitleStore>().List(null, MissingTitleSources.MdbList).Select(m => m.Title.Title));

        _mdbList.Mode = FaultMode.None;
        if (mode == FaultMode.QuotaExhausted)
        {
            _mdbList.Reset();
            _host.AdvancePastMidnight();
        }

        await _host.RunAsync();
        Assert.Empty(_host.CollectionOf(ListId).Members);
        Assert.DoesNotContain(_host.Get<AlertStore>().ListOpen(), a => a.Service == TopPicksSync.AlertService);
        Assert.Equal(["opened toppicks " + kind, "cleared toppicks " + kind], _host.Notices.All.Where(n => n.Contains("toppicks", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(0, MdbListListPageFault.Outage)]
    [InlineData(0, MdbListListPageFault.Malformed)]
    [InlineData(0, MdbListListPageFault.Empty)]
    [InlineData(0, MdbListListPageFault.ChangedShape)]
    [InlineData(1, MdbListListPageFault.Outage)]
    [InlineData(1, MdbListListPageFault.Malformed)]
    [InlineData(1, MdbListListPageFault.Partial)]
    [InlineData(1, MdbListListPageFault.Empty)]
    public async Task AnyBadPageOfALongListLeavesTheWholeCollectionAsItWas(int page, MdbListListPageFault fault)
    {
        // 1,500 titles: two pages, the library's three on the first.
        _mdbList.SetListItems(ListNumber, new[] { Matrix, Empire, Inception }.Concat(Filler(1497)));
        await _host.RunAsync();
        _mdbList.SetListItems(ListNumber, new[] { Inception }.Concat(Filler(1499)));
        _mdbList.FailListPage(ListNumber, page, fault);

        var list = Assert.Single((await _host.RunAsync()).Lists);

        Assert.False(list.Synced, list.Summary);
        Assert.Equal([_matrix.Id, _empire.Id, _inception.Id], _host.CollectionOf(ListId).Members);
        Assert.Contains(_host.Get<AlertStore>().ListOpen(), a => a.Service == TopPicksSync.AlertService);
        Assert.Contains("stays as it was", _host.Get<TopPicksStore>().GetState(ListId).LastSummary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListThatComesBackEmptyIsNotBelievedWhileItsCollectionHoldsTitles()
    {
        await _host.RunAsync();
        _mdbList.SetListItems(ListNumber, []);

        var list = Assert.Single((await _host.RunAsync()).Lists);

        Assert.False(list.Synced);
        Assert.Equal([_matrix.Id, _empire.Id, _inception.Id], _host.CollectionOf(ListId).Members);
        Assert.Equal(AlertKind.BadResponse, Assert.Single(_host.Get<AlertStore>().ListOpen(), a => a.Service == TopPicksSync.AlertService).Kind);
    }

    [Fact]
    public async Task AListOfOnlyMissingTitlesThatComesBackEmptyKeepsItsMissingTitlesForDiscovery()
    {
        _mdbList.SetListItems(ListNumber, [Heat, Alien]);
        await _host.RunAsync();
        _mdbList.SetListItems(ListNumber, []);

        var list = Assert.Single((await _host.RunAsync()).Lists);

        Assert.False(list.Synced);
        Assert.Equal(["Heat", "Alien"], _host.Get<MissingTitleStore>().List(null, MissingTitleSources.MdbList).Select(m => m.Title.Title));
    }

    [Fact]
    public async Task ACollectionIsChangedOnlyOnceJellyfinsLibraryScanHasEnded()
    {
        await _host.RunAsync();
        _mdbList.SetListItems(ListNumber, [Empire]);
        _host.Scan.RunningFor = 5;
        var writes = _host.Collections.Writes;

        await _host.RunAsync();

        Assert.True(_host.Scan.Checks >= 6, "The sync did not wait for the scan.");
        Assert.Equal(writes + 1, _host.Collections.Writes);
        Assert.Equal([_empire.Id], _host.CollectionOf(ListId).Members);
    }

    [Fact]
    public async Task ALongListIsReadInPagesOfTheLargestSizeAndEveryRequestIsCounted()
    {
        _mdbList.SetListItems(ListNumber, Filler(2500).Append(Empire));
        var before = _mdbList.RequestCount;

        var report = await _host.RunAsync();

        var pages = _mdbList.Requests.Where(r => r.Path.EndsWith("/items", StringComparison.Ordinal)).ToList();
        Assert.Equal(["1000", "1000", "1000"], pages.Select(p => p.Query("limit")));
        Assert.Equal(["0", "1000", "2000"], pages.Select(p => p.Query("offset")));
        Assert.Equal(3, Assert.Single(report.Lists).Requests);
        Assert.Equal(_mdbList.RequestCount - before, report.Requests);
        Assert.Equal([_empire.Id], _host.CollectionOf(ListId).Members);
        Assert.Equal(3, _host.Get<TopPicksStore>().GetState(ListId).Requests);
    }

    [Fact]
    public async Task WhenTheDailyQuotaIsSpentTheNextRunSkipsWithoutARequestAndSaysUntilWhen()
    {
        await _host.RunAsync();
        _mdbList.Mode = FaultMode.QuotaExhausted;
        await _host.RunAsync();
        _mdbList.Mode = FaultMode.None;
        var before = _mdbList.RequestCount;

        var report = await _host.RunAsync();

        Assert.Equal(before, _mdbList.RequestCount);
        Assert.NotNull(report.Skipped);
        Assert.Contains("quota", report.Skipped, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Deferred", _host.Get<TopPicksStore>().GetState(ListId).LastSummary, StringComparison.Ordinal);
        Assert.Equal([_matrix.Id, _empire.Id, _inception.Id], _host.CollectionOf(ListId).Members);
    }

    [Fact]
    public async Task AnAccountWithTooFewRequestsLeftTodayDefersTheListInsteadOfReadingHalfOfIt()
    {
        _mdbList.SetListItems(ListNumber, Filler(2500).Append(Empire));
        await _host.RunAsync();

        // Three pages needed, two left after the account check.
        _mdbList.DailyQuota = _mdbList.QuotaUsedToday + 3;
        var before = _mdbList.RequestCount;
        var list = Assert.Single((await _host.RunAsync()).Lists);

        Assert.False(list.Synced);
        Assert.StartsWith("Deferred", list.Summary, StringComparison.Ordinal);
        Assert.Equal(1, _mdbList.RequestCount - before);
        Assert.Equal([_empire.Id], _host.CollectionOf(ListId).Members);
    }

    [Fact]
    public async Task TheMaximumKeepsTheBestRankedAndPopularitySortAndGenreAreAskedOfMdbList()
    {
        _host.Choose(Choice() with { Sort = "imdbpopular", Genre = "action", MaxItems = 2 });

        await _host.RunAsync();

        // By IMDb popularity (1 = most popular) among action titles: Inception 1, Empire 2, Matrix 3.
        Assert.Equal([_inception.Id, _empire.Id], _host.CollectionOf(ListId).Members);
        var page = Assert.Single(_mdbList.Requests, r => r.Path.EndsWith("/items", StringComparison.Ordinal));
        Assert.Equal(("imdbpopular", "asc", "action"), (page.Query("sort"), page.Query("order"), page.Query("filter_genre")));
    }

    [Fact]
    public async Task ASeriesListMatchesSeriesByTvdbIdAndIgnoresMovies()
    {
        _mdbList.SetList(77, "Top Shows", "someone", null, [Matrix, new MdbListListEntry("show", "Breaking Bad", 2008, null, null, 81189)]);
        _host.Choose(Choice(), new TopPicksListChoice("77", "show", "Top Shows", null, null, 10));

        var report = await _host.RunAsync();

        Assert.All(report.Lists, l => Assert.True(l.Synced, l.Summary));
        Assert.Equal([_host.Items.Single(i => i.Name == "Breaking Bad").Id], _host.CollectionOf("77").Members);
        Assert.DoesNotContain(_host.Get<MissingTitleStore>().List(null, MissingTitleSources.MdbList), m => m.List == "77");
    }

    [Fact]
    public async Task AListWhoseCollectionJellyfinRefusesToChangeDoesNotStopTheOthers()
    {
        _mdbList.SetList(77, "Top Shows", "someone", "show", [new MdbListListEntry("show", "Breaking Bad", 2008, null, null, 81189)]);
        _host.Choose(Choice(), new TopPicksListChoice("77", "show", "Top Shows", null, null, 10));
        _host.Collections.Broken = "Top Picks: Best Movies Now";

        var report = await _host.RunAsync();

        Assert.False(report.Lists[0].Synced);
        Assert.Contains("Jellyfin could not update the collection", report.Lists[0].Summary, StringComparison.Ordinal);
        Assert.True(report.Lists[1].Synced, report.Lists[1].Summary);
        Assert.Single(_host.CollectionOf("77").Members);

        // Once Jellyfin takes the change again, the same collection gets it; no second one is made.
        _host.Collections.Broken = null;
        await _host.RunAsync();
        Assert.Equal(2, _host.Collections.All.Count);
        Assert.Equal([_matrix.Id, _empire.Id, _inception.Id], _host.CollectionOf(ListId).Members);
    }

    [Fact]
    public async Task APreviewCountsTheListTheLibraryAndWhatIsMissingWithoutMakingACollection()
    {
        var (preview, error) = await _host.Get<TopPicksSync>().PreviewAsync(Choice() with { MaxItems = 2 }, default);

        Assert.Null(error);
        Assert.Equal((5, 3, 2, 2), (preview!.Size, preview.InLibrary, preview.Members, preview.MissingCount));
        Assert.Equal(["Heat", "Alien"], preview.Missing.Select(m => m.Title));
        Assert.Empty(_host.Collections.All);
    }

    private static TopPicksListChoice Choice() => new(ListId, "movie", "Best Movies Now", null, null, 100);

    private static IEnumerable<MdbListListEntry> Filler(int count) =>
        Enumerable.Range(1, count).Select(i => new MdbListListEntry("movie", "Filler " + i, 2001, "tt" + (8_000_000 + i), 900_000 + i, null));
}
