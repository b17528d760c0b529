using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Tests.Browser;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// MDBList Top Picks inside a real server: the admin finds a list by its URL through Aperture's API, previews it,
/// saves it and presses Run now; the collection exists with the library's titles from the list, in the list's order
/// (as jellyfin-web asks for a collection's items: no SortBy). A changed list is followed, a member the admin added in
/// Jellyfin stays, and an MDBList outage leaves the collection as it was.
/// </summary>
/// <typeparam name="TFixture">The server of one Jellyfin version.</typeparam>
public abstract class TopPicksRealJellyfinTests<TFixture>
    where TFixture : JellyfinServerFixture
{
    private const int ListNumber = 9001;

    // Ranks as on the website: Inception first, then a title the library lacks, then Empire, then The Matrix.
    private static readonly MdbListListEntry Inception = new("movie", "Inception", 2010, "tt1375666", 27205, null);
    private static readonly MdbListListEntry Heat = new("movie", "Heat", 1995, "tt0113277", 949, null);
    private static readonly MdbListListEntry Empire = new("movie", "The Empire Strikes Back", 1980, "tt0080684", 1891, null);
    private static readonly MdbListListEntry Matrix = new("movie", "The Matrix", 1999, "tt0133093", 603, null);
    private static readonly MdbListListEntry Alien = new("movie", "Alien", 1979, "tt0078748", 348, null);

    protected TopPicksRealJellyfinTests(TFixture fixture, ChromiumFixture chromium, ITestOutputHelper output)
    {
        Fixture = fixture;
        Chromium = chromium;
        Output = output;
    }

    protected TFixture Fixture { get; }

    protected ChromiumFixture Chromium { get; }

    protected ITestOutputHelper Output { get; }

    private JellyfinServer Server => Fixture.Server;

    private MdbListEmulator MdbList => Fixture.Emulators.MdbList;

    [SkippableFact]
    public async Task AChosenListBecomesACollectionInRankOrderThatFollowsTheListKeepsHandAddedItemsAndSurvivesAnOutage()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        await Fixture.SaveCredentialsAsync("mdblist");
        MdbList.SetList(ListNumber, "Aperture Fixture Picks", "curator", "movie", [Inception, Heat, Empire, Matrix, Alien], likes: 5);
        await Fixture.ScanAsync();

        // Choose the list as the page does: paste its address, preview it, save it.
        var list = await Fixture.Aperture(HttpMethod.Get, "TopPicks/List?reference=" + Uri.EscapeDataString("https://mdblist.com/lists/curator/aperture-fixture-picks"));
        Assert.Equal(ListNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), list.GetProperty("Id").GetString());
        var choice = new { ListId = list.GetProperty("Id").GetString(), Kind = "movie", Name = list.GetProperty("Name").GetString(), MaxItems = 10 };
        var preview = await Fixture.Aperture(HttpMethod.Post, "TopPicks/Preview", choice);
        Output.WriteLine("preview: " + preview);
        Assert.Equal((5, 3, 2), (preview.GetProperty("Size").GetInt32(), preview.GetProperty("InLibrary").GetInt32(), preview.GetProperty("MissingCount").GetInt32()));
        await Fixture.Aperture(HttpMethod.Post, "TopPicks", new { NamePattern = "Top Picks: {list}", Lists = new[] { choice } });

        await RunNowAsync();
        var state = Assert.Single((await Fixture.Aperture(HttpMethod.Get, "TopPicks")).GetProperty("Lists").EnumerateArray());
        Output.WriteLine("after the first run: " + state);
        Assert.True(state.GetProperty("LastRunOk").GetBoolean(), state.GetProperty("LastSummary").GetString());
        var collectionId = state.GetProperty("CollectionId").GetString()!;
        var collection = await Server.GetJsonAsync("Items/" + collectionId + "?userId=" + await UserIdAsync());
        Assert.Equal("Top Picks: Aperture Fixture Picks", collection.GetProperty("Name").GetString());
        Output.WriteLine("collection: " + collection);
        Assert.Equal(("Default", true), (collection.GetProperty("DisplayOrder").GetString(), collection.GetProperty("LockData").GetBoolean()));
        Assert.Equal(["Inception", "The Empire Strikes Back", "The Matrix"], await MembersAsync(collectionId));

        // The list changes on MDBList: the next run follows it, in the new order.
        MdbList.SetListItems(ListNumber, [Matrix, Alien, Inception]);
        await RunNowAsync();
        Assert.Equal(["The Matrix", "Inception"], await MembersAsync(collectionId));

        // The admin adds a title in Jellyfin by hand; a sync keeps it (after the list's own titles).
        var empireId = await ItemIdAsync("The Empire Strikes Back");
        using (var response = await Server.Api.PostAsync("Collections/" + collectionId + "/Items?ids=" + empireId, null))
        {
            response.EnsureSuccessStatusCode();
        }

        Assert.Equal(["The Matrix", "Inception", "The Empire Strikes Back"], await MembersAsync(collectionId));
        MdbList.SetListItems(ListNumber, [Inception, Matrix]);
        await RunNowAsync();
        Assert.Equal(["Inception", "The Matrix", "The Empire Strikes Back"], await MembersAsync(collectionId));

        // An outage changes nothing and says why.
        MdbList.SetListItems(ListNumber, [Alien]);
        MdbList.Mode = FaultMode.Outage;
        try
        {
            await RunNowAsync();
        }
        finally
        {
            MdbList.Mode = FaultMode.None;
        }

        Assert.Equal(["Inception", "The Matrix", "The Empire Strikes Back"], await MembersAsync(collectionId));
        var alerts = await Fixture.Aperture(HttpMethod.Get, "Alerts");
        Output.WriteLine("alerts: " + alerts);
        Assert.Contains(alerts.EnumerateArray(), a => a.GetProperty("Service").GetString() == "toppicks");
        var errors = Server.LogLines(line => (line.Contains("[ERR]", StringComparison.Ordinal) || line.Contains("[FTL]", StringComparison.Ordinal))
            && line.Contains("Aperture", StringComparison.Ordinal));
        Assert.True(errors.Count == 0, "The server log names Aperture in errors:\n" + string.Join('\n', errors));
    }

    [SkippableFact]
    public async Task SettingsSection_FindsAPastedList_PreviewsIt_AndSavesIt()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        await Fixture.SaveCredentialsAsync("mdblist");
        MdbList.SetList(9002, "Browser Picks", "curator", "movie", [Heat, Matrix, Inception]);
        await Fixture.ScanAsync();
        await using var web = await JellyfinWebSession.OpenAsync(Chromium);
        var page = web.Page;

        await page.Locator("[data-testid='toppicks-source']").SelectOptionAsync("paste");
        await page.Locator("[data-testid='toppicks-query']").FillAsync("https://mdblist.com/lists/curator/browser-picks");
        await page.Locator("[data-testid='toppicks-find']").ClickAsync();
        await Expect(page.Locator("[data-testid='toppicks-found'] option")).ToHaveTextAsync(["Browser Picks (3 titles, by curator)"]);
        await page.Locator("[data-testid='toppicks-preview-button']").ClickAsync();
        await Expect(page.Locator("[data-testid='toppicks-preview']")).ToContainTextAsync("3 titles, 2 in your library");
        await Expect(page.Locator("[data-testid='toppicks-preview']")).ToContainTextAsync("1 missing: Heat (1995)");
        await page.Locator("[data-testid='toppicks-add']").ClickAsync();
        await page.Locator("[data-testid='toppicks-save']").ClickAsync();
        await Expect(page.Locator("[data-testid='toppicks-saved']")).Not.ToBeEmptyAsync();

        var saved = (await Fixture.Aperture(HttpMethod.Get, "TopPicks")).GetProperty("Lists").EnumerateArray();
        Assert.Contains(saved, l => l.GetProperty("ListId").GetString() == "9002" && l.GetProperty("Kind").GetString() == "movie");
        await web.OpenSettingsAsync();
        await Expect(page.Locator("[data-testid='toppicks-row']", new PageLocatorOptions { HasText = "Browser Picks" })).ToHaveCountAsync(1);
        Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));

        // For review: the section as jellyfin-web shows it; APERTURE_SCREENSHOT_DIR=docs/images keeps the 10.11 one.
        var file = System.IO.Path.Combine(AppContext.BaseDirectory, "toppicks-" + Fixture.Version + ".png");
        await page.Locator("#apertureTopPicks").ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
        if (Environment.GetEnvironmentVariable("APERTURE_SCREENSHOT_DIR") is { Length: > 0 } dir && Fixture.Version.StartsWith("10.11.", StringComparison.Ordinal))
        {
            System.IO.Directory.CreateDirectory(dir);
            System.IO.File.Copy(file, System.IO.Path.Combine(dir, "toppicks.png"), overwrite: true);
        }
    }

    private async Task<string> UserIdAsync() => (await Server.GetJsonAsync("Users/Me")).GetProperty("Id").GetString()!;

    private async Task<string> ItemIdAsync(string name) =>
        (await Server.GetJsonAsync("Items?IncludeItemTypes=Movie&Recursive=true&userId=" + await UserIdAsync())).GetProperty("Items").EnumerateArray()
            .Single(i => i.GetProperty("Name").GetString() == name).GetProperty("Id").GetString()!;

    // As jellyfin-web's collection page asks (itemDetails renderChildren): ParentId, no SortBy for a BoxSet.
    private async Task<string[]> MembersAsync(string collectionId)
    {
        var items = await Server.GetJsonAsync("Items?ParentId=" + collectionId + "&userId=" + await UserIdAsync() + "&Fields=ProviderIds");
        var names = items.GetProperty("Items").EnumerateArray().Select(i => i.GetProperty("Name").GetString()!).ToArray();
        Output.WriteLine("members: " + string.Join(", ", names));
        return names;
    }

    private async Task RunNowAsync()
    {
        async Task<JsonElement> Task() =>
            (await Server.GetJsonAsync("ScheduledTasks")).EnumerateArray().Single(t => t.GetProperty("Key").GetString() == "ApertureSyncTopPicks");
        static string? End(JsonElement task) =>
            task.TryGetProperty("LastExecutionResult", out var last) && last.ValueKind == JsonValueKind.Object ? last.GetProperty("EndTimeUtc").GetString() : null;

        var before = await Task();
        Assert.Equal("Aperture", before.GetProperty("Category").GetString());
        await Fixture.Aperture(HttpMethod.Post, "TopPicks/Run");
        JsonElement done = default;
        await JellyfinServer.WaitUntilAsync(
            "the Top Picks sync",
            async () =>
            {
                done = await Task();
                return done.GetProperty("State").GetString() == "Idle" && End(done) is { } end && end != End(before);
            },
            TimeSpan.FromMinutes(2));
        Assert.Equal("Completed", done.GetProperty("LastExecutionResult").GetProperty("Status").GetString());
    }
}
