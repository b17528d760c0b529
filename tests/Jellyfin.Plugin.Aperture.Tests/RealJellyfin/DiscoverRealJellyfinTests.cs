using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Tests.Browser;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// Discover in a real server and real Chromium: a non-admin user's Trakt watchlist names a title the library lacks;
/// on the user page that user requests it, and the Seerr emulator records the request in that user's Seerr name. The
/// user API cannot be made to act for anyone else, and the admin mapping API refuses the user. One subclass per
/// server version.
/// </summary>
/// <typeparam name="TFixture">The fixture of one server version.</typeparam>
public abstract class DiscoverRealJellyfinTests<TFixture>
    where TFixture : JellyfinServerFixture
{
    private const string ViewerName = "discoverer";
    private const string ViewerPassword = "discoverer-pass-1";
    private const int MissingTmdb = 990_011;
    private const int SneakyTmdb = 990_012;
    private const int MissingSeriesTmdb = 990_013;
    private const int MissingFilmTmdb = 990_014;

    protected DiscoverRealJellyfinTests(TFixture fixture, ChromiumFixture chromium, ITestOutputHelper output)
    {
        Fixture = fixture;
        Chromium = chromium;
        Output = output;
    }

    protected TFixture Fixture { get; }

    protected ChromiumFixture Chromium { get; }

    protected ITestOutputHelper Output { get; }

    private JellyfinServer Server => Fixture.Server;

    [SkippableFact]
    public async Task ANonAdminRequestsAMissingTitleFromTheUserPage_AndSeerrRecordsItInTheirName()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        Skip.If(Chromium.Problem is not null, Chromium.Problem);
        await Fixture.SaveCredentialsAsync("trakt");
        await Fixture.SaveCredentialsAsync("seerr");
        var trakt = Fixture.Emulators.Trakt;
        var seerr = Fixture.Emulators.Seerr;
        trakt.AutoApproveDeviceCodes = true;
        using var viewer = await JellyfinUserAccount.CreateAsync(Server, ViewerName, ViewerPassword);
        var seerrId = seerr.AddUser(ViewerName, null, viewer.UserId.Replace("-", string.Empty, StringComparison.Ordinal), 32);

        // The viewer's Trakt watchlist names a movie the library lacks; the watchlist task stores it as missing.
        using (var start = await viewer.Api.PostAsync("Aperture/User/Trakt/Link", null))
        {
            start.EnsureSuccessStatusCode();
        }

        async Task<bool> Linked()
        {
            using var poll = await viewer.Api.PostAsync("Aperture/User/Trakt/Link/Poll", null);
            return (await poll.Content.ReadAsStringAsync()).Contains("\"Linked\"", StringComparison.Ordinal);
        }

        await JellyfinServer.WaitUntilAsync("the viewer's Trakt link", Linked, TimeSpan.FromSeconds(60));
        trakt.AddToWatchlistOnTrakt(trakt.IssuedAccessTokens.Last(), new TraktListedTitle("movie", "Missing Movie", 2011, MissingTmdb));
        trakt.AddToWatchlistOnTrakt(trakt.IssuedAccessTokens.Last(), new TraktListedTitle("show", "Missing Series", 2012, MissingSeriesTmdb));
        trakt.AddToWatchlistOnTrakt(trakt.IssuedAccessTokens.Last(), new TraktListedTitle("movie", "Missing Film", 2013, MissingFilmTmdb));
        await RunWatchlistTaskAsync();

        // The admin's mapping API is not the viewer's; the viewer's request API takes no user from the body.
        using (var admin = await viewer.Api.GetAsync("Aperture/Seerr/Users"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        }

        var adminId = (await Server.GetJsonAsync("Users/Me")).GetProperty("Id").GetString();
        using (var sneaky = await viewer.Api.PostAsJsonAsync("Aperture/User/Discover/Request", new { Kind = "movie", TmdbId = SneakyTmdb, UserId = adminId, SeerrUserId = 1 }))
        {
            var body = await sneaky.Content.ReadAsStringAsync();
            Output.WriteLine("request naming another user: " + body);
            Assert.Equal(HttpStatusCode.OK, sneaky.StatusCode);
        }

        Assert.Equal(seerrId, seerr.CreatedRequests.Single(r => r.TmdbId == SneakyTmdb).UserId);

        await using var web = await JellyfinWebUserPage.OpenAsync(Chromium, viewer);
        var item = web.Page.Locator("[data-testid='discover-item']", new() { HasText = "Missing Movie" });
        await Expect(item).ToContainTextAsync("Missing Movie (2011)", new() { Timeout = 20_000 });
        await Expect(item).ToContainTextAsync("On your Trakt watchlist");
        await Expect(item.Locator("[data-testid='discover-status']")).ToHaveTextAsync("Not requested");
        await Expect(item.Locator("[data-testid='discover-poster']")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^https://image\\.tmdb\\.org/t/p/w154/.+-poster\\.jpg$"));

        // No network in the test's namespace: the poster fails to load and is hidden rather than left as an empty frame.
        await Expect(item.Locator("[data-testid='discover-poster']")).ToBeHiddenAsync();
        await Expect(web.Page.Locator("[data-testid='discover-account']")).ToHaveTextAsync("Requests go to Seerr as " + ViewerName + ".");

        await item.Locator("[data-testid='discover-request']").ClickAsync();
        await Expect(item.Locator("[data-testid='discover-status']")).ToContainTextAsync("Requested in Seerr as " + ViewerName);
        await Expect(item.Locator("[data-testid='discover-request']")).ToBeHiddenAsync();
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aperture-discover-" + Fixture.Version + ".png");
        await web.Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Output.WriteLine("Screenshot: " + path);

        var created = seerr.CreatedRequests.Single(r => r.TmdbId == MissingTmdb);
        Assert.Equal((seerrId, 1, "movie"), (created.UserId, created.ActingUserId, created.MediaType));
        Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));

        // A series: "Request" shows its seasons from Seerr (no specials); the user keeps seasons 1 and 3 and sends.
        var series = web.Page.Locator("[data-testid='discover-item']", new() { HasText = "Missing Series" });
        await Expect(series).ToContainTextAsync("Missing Series (2012) \u00b7 series");
        await series.Locator("[data-testid='discover-request']").ClickAsync();
        var seasons = series.Locator("[data-testid='discover-season']");
        await Expect(seasons.First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var offered = await seasons.EvaluateAllAsync<string[]>("boxes => boxes.map(b => b.value)");
        Output.WriteLine("seasons offered: " + string.Join(',', offered));
        Assert.True(offered.Length >= 3, string.Join(',', offered));
        Assert.DoesNotContain("0", offered);
        Assert.True(await series.Locator("[data-testid='discover-season-all']").IsCheckedAsync());

        // A user with only Seerr's Request permission gets no server, profile, folder or 4K to choose.
        Assert.Equal(0, await series.Locator("[data-testid='discover-server'], [data-testid='discover-4k']").CountAsync());
        foreach (var box in await seasons.AllAsync())
        {
            if (await box.GetAttributeAsync("value") is not ("1" or "3"))
            {
                await box.UncheckAsync();
            }
        }

        Assert.False(await series.Locator("[data-testid='discover-season-all']").IsCheckedAsync());
        await series.Locator("[data-testid='discover-send']").ClickAsync();
        await Expect(series.Locator("[data-testid='discover-status']")).ToContainTextAsync("Requested in Seerr as " + ViewerName);
        await Expect(series.Locator("[data-testid='discover-form']")).ToBeHiddenAsync();
        var seriesRequest = seerr.CreatedRequests.Single(r => r.TmdbId == MissingSeriesTmdb);
        Assert.Equal((seerrId, "tv", "1,3"), (seriesRequest.UserId, seriesRequest.MediaType, seriesRequest.Seasons));
        await web.Page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aperture-discover-seasons-" + Fixture.Version + ".png"), FullPage = true });

        // The seasons endpoint needs a signed-in user; it takes no user, so it cannot act for anyone else.
        using (var anonymous = new HttpClient { BaseAddress = Server.Api.BaseAddress })
        using (var noUser = await anonymous.GetAsync("Aperture/User/Discover/Seasons/" + MissingSeriesTmdb))
        {
            Assert.True(noUser.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, noUser.StatusCode.ToString());
        }

        // Given Advanced Requests and 4K movies in Seerr, the user chooses 4K, the 4K server, a profile and a folder.
        seerr.SetPermissions(seerrId, 32 | 131072 | 2048);
        var film = web.Page.Locator("[data-testid='discover-item']", new() { HasText = "Missing Film" });
        await film.Locator("[data-testid='discover-request']").ClickAsync();
        await Expect(film.Locator("[data-testid='discover-4k']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await film.Locator("[data-testid='discover-4k']").CheckAsync();
        await film.Locator("[data-testid='discover-server']").SelectOptionAsync("1");
        await film.Locator("[data-testid='discover-profile']").SelectOptionAsync("5");
        await film.Locator("[data-testid='discover-folder']").SelectOptionAsync("/movies-4k");
        await film.Locator("[data-testid='discover-send']").ClickAsync();
        await Expect(film.Locator("[data-testid='discover-status']")).ToContainTextAsync("Requested in Seerr as " + ViewerName);
        var filmRequest = seerr.CreatedRequests.Single(r => r.TmdbId == MissingFilmTmdb);
        Assert.Equal((seerrId, (int?)1, (int?)5, "/movies-4k", true), (filmRequest.UserId, filmRequest.ServerId, filmRequest.ProfileId, filmRequest.RootFolder, filmRequest.Is4k));
        await web.Page.ScreenshotAsync(new() { Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aperture-discover-options-" + Fixture.Version + ".png"), FullPage = true });
        Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));

        // Reloaded, the page shows Seerr's new status and no button.
        await web.Page.ReloadAsync();
        await Expect(item.Locator("[data-testid='discover-status']")).ToHaveTextAsync("Requested, waiting for approval", new() { Timeout = 20_000 });

        // The admin sees the same title across users on the settings page, with the viewer's request.
        await using var settings = await JellyfinWebSession.OpenAsync(Chromium);
        var row = settings.Page.Locator("[data-testid='seerr-discover-row']", new() { HasText = "Missing Movie (2011)" });
        await Expect(row).ToContainTextAsync(ViewerName, new() { Timeout = 20_000 });
        await Expect(row).ToContainTextAsync("requested: Requested, waiting for approval");
        Assert.True(settings.Errors.Count == 0, string.Join('\n', settings.Errors));
    }

    [SkippableFact]
    public async Task TheAdminSeesEachUsersSeerrMatchOnTheSettingsPage_AndOverridesIt()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        Skip.If(Chromium.Problem is not null, Chromium.Problem);
        await Fixture.SaveCredentialsAsync("seerr");
        var seerr = Fixture.Emulators.Seerr;
        using var viewer = await JellyfinUserAccount.CreateAsync(Server, "mapped-viewer", ViewerPassword);
        seerr.AddUser("mapped-viewer", null, null, 32);
        var family = seerr.AddUser("family", null, null, 32);

        await using var admin = await JellyfinWebSession.OpenAsync(Chromium);
        // Seerr gives a user without an email their user name as email, so the email step matches first.
        var row = admin.Page.Locator("[data-testid='seerr-user'][data-user-id='" + viewer.UserId.Replace("-", string.Empty, StringComparison.Ordinal) + "']");
        await Expect(row).ToHaveAttributeAsync("data-method", "Email", new() { Timeout = 20_000 });
        await Expect(row.Locator("[data-testid='seerr-user-match']")).ToContainTextAsync("mapped-viewer, matched by email");

        await row.Locator("[data-testid='seerr-user-choice']").SelectOptionAsync("family");
        await Expect(row).ToHaveAttributeAsync("data-method", "Override");
        await Expect(row.Locator("[data-testid='seerr-user-match']")).ToContainTextAsync("family, chosen by an admin");
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aperture-seerr-users-" + Fixture.Version + ".png");
        await admin.Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Output.WriteLine("Screenshot: " + path);

        var table = await Fixture.Aperture(HttpMethod.Get, "Seerr/Users");
        var mapped = table.GetProperty("Users").EnumerateArray().Single(u => u.GetProperty("UserName").GetString() == "mapped-viewer");
        Assert.Equal(family, mapped.GetProperty("SeerrUserId").GetInt64());
        Assert.Equal("Override", mapped.GetProperty("Method").GetString());
        Assert.True(admin.Errors.Count == 0, string.Join('\n', admin.Errors));
    }

    [SkippableFact]
    public async Task TheRefreshTaskMarksARequestDoneOnceItsTitleIsInTheUsersLibrary()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        Skip.If(Chromium.Problem is not null, Chromium.Problem);
        await Fixture.SaveCredentialsAsync("seerr");
        await Fixture.ScanAsync();
        using var viewer = await JellyfinUserAccount.CreateAsync(Server, "arrival-viewer", ViewerPassword);
        Fixture.Emulators.Seerr.AddUser("arrival-viewer", null, viewer.UserId.Replace("-", string.Empty, StringComparison.Ordinal), 32);
        var (title, _, _, tmdb) = FixtureLibrary.Movies[1];
        using (var request = await viewer.Api.PostAsJsonAsync("Aperture/User/Discover/Request", new { Kind = "movie", TmdbId = tmdb }))
        {
            var body = await request.Content.ReadAsStringAsync();
            Assert.True(body.Contains("\"Requested\"", StringComparison.Ordinal), body);
        }

        await JellyfinTasks.RunAsync(Server, "ApertureRefreshSeerrRequests");

        using (var discover = await viewer.Api.GetAsync("Aperture/User/Discover"))
        {
            var view = JsonDocument.Parse(await discover.Content.ReadAsStringAsync()).RootElement;
            var requested = view.GetProperty("Requests").EnumerateArray().Single(r => r.GetProperty("TmdbId").GetInt64() == tmdb);
            Output.WriteLine("request: " + requested);
            Assert.Equal("InLibrary", requested.GetProperty("Status").GetString());
        }

        await using var web = await JellyfinWebUserPage.OpenAsync(Chromium, viewer);
        var row = web.Page.Locator("[data-testid='discover-requested'][data-status='InLibrary']");
        await Expect(row).ToContainTextAsync("In your library", new() { Timeout = 20_000 });
        Output.WriteLine("Requested title in the library: " + title);
        Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));
    }

    private Task RunWatchlistTaskAsync() => JellyfinTasks.RunAsync(Server, "ApertureSyncTraktWatchlist");
}
