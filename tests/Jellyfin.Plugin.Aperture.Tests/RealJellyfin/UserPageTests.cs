using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Tests.Browser;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// Aperture's user page in a real server and real Chromium, for a user who is not an administrator: signed in through
/// jellyfin-web, the page links and unlinks that user's Trakt account against the Trakt emulator. One subclass per
/// server version.
/// </summary>
/// <typeparam name="TFixture">The fixture of one server version.</typeparam>
public abstract class UserPageTests<TFixture>
    where TFixture : JellyfinServerFixture
{
    private const string ViewerName = "viewer";
    private const string ViewerPassword = "viewer-pass-1";

    protected UserPageTests(TFixture fixture, ChromiumFixture chromium, ITestOutputHelper output)
    {
        Fixture = fixture;
        Chromium = chromium;
        Output = output;
    }

    protected TFixture Fixture { get; }

    protected ChromiumFixture Chromium { get; }

    protected ITestOutputHelper Output { get; }

    [SkippableFact]
    public async Task UserPage_NonAdminUser_LinksAndUnlinksTrakt_AndIsRefusedTheAdminApi()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        Skip.If(Chromium.Problem is not null, Chromium.Problem);
        await Fixture.SaveCredentialsAsync("trakt");
        var trakt = (TraktEmulator)Fixture.Emulator("trakt");
        trakt.AutoApproveDeviceCodes = true;
        using var viewer = await JellyfinUserAccount.CreateAsync(Fixture.Server, ViewerName, ViewerPassword);
        await StartNotLinkedAsync(viewer);

        using (var admin = await viewer.Api.GetAsync("Aperture/Trakt/Users"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        }

        await using var web = await JellyfinWebUserPage.OpenAsync(Chromium, viewer);
        await Expect(web.Page.Locator("#who")).ToHaveTextAsync("Signed in as " + ViewerName);
        await Expect(web.State).ToHaveTextAsync("Not linked");

        await web.Page.Locator("[data-testid='trakt-link']").ClickAsync();
        await Expect(web.Page.Locator("[data-testid='trakt-code']")).Not.ToBeEmptyAsync();
        await Screenshot(web.Page, "code");
        Output.WriteLine("Code shown: " + await web.Page.Locator("[data-testid='trakt-code']").TextContentAsync());

        // The page polls at Trakt's interval (5 s in the emulator); the emulator approved the code already.
        await Expect(web.State).ToHaveTextAsync("Linked", new() { Timeout = 30_000 });
        await Screenshot(web.Page, "linked");
        var listed = await Fixture.Aperture(System.Net.Http.HttpMethod.Get, "Trakt/Users");
        Assert.Contains(listed.EnumerateArray(), u => u.GetProperty("UserId").GetString()!.Replace("-", string.Empty, StringComparison.Ordinal)
            == viewer.UserId.Replace("-", string.Empty, StringComparison.Ordinal) && u.GetProperty("State").GetString() == "Linked");

        await web.Page.Locator("[data-testid='trakt-unlink']").ClickAsync();
        await Expect(web.State).ToHaveTextAsync("Not linked");
        await Expect(web.Page.Locator("[data-testid='trakt-link']")).ToBeVisibleAsync();
        await Expect(web.Page.Locator("[data-testid='trakt-error']")).ToBeEmptyAsync();
        Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));
    }

    [SkippableFact]
    public async Task SettingsPage_Users_ListsALinkedUser_AndTheAdminUnlinksIt()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        Skip.If(Chromium.Problem is not null, Chromium.Problem);
        await Fixture.SaveCredentialsAsync("trakt");
        ((TraktEmulator)Fixture.Emulator("trakt")).AutoApproveDeviceCodes = true;
        using var viewer = await JellyfinUserAccount.CreateAsync(Fixture.Server, ViewerName, ViewerPassword);
        await StartNotLinkedAsync(viewer);

        // Linked through the user API (the page's own flow is the test above); polls until Trakt's interval passed.
        using (var start = await viewer.Api.PostAsync("Aperture/User/Trakt/Link", null))
        {
            start.EnsureSuccessStatusCode();
        }

        async Task<bool> Linked()
        {
            using var poll = await viewer.Api.PostAsync("Aperture/User/Trakt/Link/Poll", null);
            return (await poll.Content.ReadAsStringAsync()).Contains("\"Linked\"", StringComparison.Ordinal);
        }

        await JellyfinServer.WaitUntilAsync("the viewer's Trakt link", Linked, TimeSpan.FromSeconds(30));

        await using var admin = await JellyfinWebSession.OpenAsync(Chromium);
        admin.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        var row = admin.Page.Locator("#apertureUsersList [data-testid='user']", new() { HasText = ViewerName });
        await Expect(row).ToHaveAttributeAsync("data-state", "Linked");
        await Screenshot(admin.Page, "admin-users");
        await Expect(admin.Page.Locator("[data-testid='user-page-url']")).ToHaveTextAsync(JellyfinServer.Url + "/Aperture/UserPage");

        await row.Locator("[data-testid='user-unlink']").ClickAsync();

        // jellyfin-web's own confirm dialog (or the browser's, accepted above).
        var ok = admin.Page.Locator(".dialogContainer button[data-id='ok']");
        try
        {
            await ok.ClickAsync(new() { Timeout = 5000 });
            Output.WriteLine("Confirmed in jellyfin-web's dialog.");
        }
        catch (TimeoutException)
        {
        }

        await Expect(admin.Page.Locator("#apertureUsersList [data-testid='user']", new() { HasText = ViewerName })).ToHaveAttributeAsync("data-state", "NotLinked");
        Assert.True(admin.Errors.Count == 0, string.Join('\n', admin.Errors));

        await using var web = await JellyfinWebUserPage.OpenAsync(Chromium, viewer);
        await Expect(web.State).ToHaveTextAsync("Not linked");
    }

    [SkippableFact]
    public async Task UserPage_ShowsSlowDownAndDenied_InWords()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        Skip.If(Chromium.Problem is not null, Chromium.Problem);
        await Fixture.SaveCredentialsAsync("trakt");
        var trakt = (TraktEmulator)Fixture.Emulator("trakt");
        trakt.AutoApproveDeviceCodes = false;
        using var viewer = await JellyfinUserAccount.CreateAsync(Fixture.Server, ViewerName, ViewerPassword);
        await StartNotLinkedAsync(viewer);

        await using var web = await JellyfinWebUserPage.OpenAsync(Chromium, viewer);
        await web.Page.Locator("[data-testid='trakt-link']").ClickAsync();
        var poll = web.Page.Locator("[data-testid='trakt-poll']");
        await Expect(poll).ToHaveTextAsync("Waiting for the code to be entered at Trakt.");

        // Trakt's 429 on the device token endpoint means "slow down": the page keeps the code and says so.
        trakt.ForceDeviceTokenAnswer(429);
        await Expect(poll).ToContainTextAsync("check less often", new() { Timeout = 20_000 });
        await Expect(web.State).ToHaveTextAsync("Linking\u2026");

        trakt.ForceDeviceTokenAnswer(null);
        trakt.DenyDeviceCode();
        await Expect(web.Page.Locator("[data-testid='trakt-error']")).ToContainTextAsync("declined", new() { Timeout = 30_000 });
        await Expect(web.State).ToHaveTextAsync("Not linked");
        await Expect(web.Page.Locator("[data-testid='trakt-link']")).ToBeVisibleAsync();
        Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));
    }

    [SkippableFact]
    public async Task UserPage_ShowsTheLastRatingsSync_AndTheAdminSeesThatUsersAccountLimitUntilTheirNextWrite()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        Skip.If(Chromium.Problem is not null, Chromium.Problem);
        await Fixture.SaveCredentialsAsync("trakt");
        var trakt = (TraktEmulator)Fixture.Emulator("trakt");
        trakt.AutoApproveDeviceCodes = true;
        await Fixture.ScanAsync();
        using var viewer = await JellyfinUserAccount.CreateAsync(Fixture.Server, ViewerName, ViewerPassword);
        await StartNotLinkedAsync(viewer);
        // The viewer likes a movie through Jellyfin's own API before linking (so no sync starts on its own meanwhile);
        // then Trakt refuses the viewer's writes: over the watchlist limit.
        using (var items = await viewer.Api.GetAsync("Items?IncludeItemTypes=Movie&Recursive=true&userId=" + viewer.UserId))
        {
            items.EnsureSuccessStatusCode();
            using var doc = System.Text.Json.JsonDocument.Parse(await items.Content.ReadAsStringAsync());
            var movie = doc.RootElement.GetProperty("Items")[0].GetProperty("Id").GetString();
            using var rated = await viewer.Api.PostAsync("UserItems/" + movie + "/Rating?likes=true&userId=" + viewer.UserId, null);
            rated.EnsureSuccessStatusCode();
        }

        var tokensBefore = trakt.IssuedAccessTokens;
        using (var start = await viewer.Api.PostAsync("Aperture/User/Trakt/Link", null))
        {
            start.EnsureSuccessStatusCode();
        }

        async Task<bool> Linked()
        {
            using var poll = await viewer.Api.PostAsync("Aperture/User/Trakt/Link/Poll", null);
            return (await poll.Content.ReadAsStringAsync()).Contains("\"Linked\"", StringComparison.Ordinal);
        }

        await JellyfinServer.WaitUntilAsync("the viewer's Trakt link", Linked, TimeSpan.FromSeconds(30));
        var token = Assert.Single(trakt.IssuedAccessTokens.Except(tokensBefore));

        trakt.ForceAccountAnswer(token, 420);
        await JellyfinTasks.RunAsync(Fixture.Server, "ApertureSyncTraktRatings");

        await using (var web = await JellyfinWebUserPage.OpenAsync(Chromium, viewer))
        {
            var ratings = web.Page.Locator("[data-testid='trakt-runs'] li[data-feature='ratings']");
            await Expect(ratings).ToContainTextAsync("Ratings: 1 waiting to be sent again");
            await Expect(ratings.Locator(".runTime")).Not.ToBeEmptyAsync();
            await Expect(web.Page.Locator("[data-testid='trakt-account-problem']")).ToContainTextAsync("watchlist size limit");
            Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));
        }

        await using (var admin = await JellyfinWebSession.OpenAsync(Chromium))
        {
            var alert = admin.Alerts("trakt", "AccountLimit");
            await Expect(alert).ToHaveCountAsync(1);
            await Expect(alert).ToContainTextAsync("Account limit");
            await Expect(alert).ToContainTextAsync("user " + ViewerName);
            await Expect(alert).ToContainTextAsync("watchlist size limit");
            await Expect(admin.Badge("trakt")).Not.ToHaveAttributeAsync("data-status", "Error");
            await Expect(admin.Page.Locator("#apertureUsersList [data-testid='user']", new() { HasText = ViewerName }).Locator("[data-feature='ratings']"))
                .ToContainTextAsync("1 waiting to be sent again");
            await Screenshot(admin.Page, "account-limit-alert");
            Assert.True(admin.Errors.Count == 0, string.Join('\n', admin.Errors));
        }

        // The viewer made room on Trakt: the next sync sends the like, the page says so and the alert is gone.
        trakt.ForceAccountAnswer(token, null);
        await JellyfinTasks.RunAsync(Fixture.Server, "ApertureSyncTraktRatings");
        Assert.Equal(10, Assert.Single(trakt.RatingsOf(token)).Rating);
        await using (var web = await JellyfinWebUserPage.OpenAsync(Chromium, viewer))
        {
            await Expect(web.Page.Locator("[data-testid='trakt-runs'] li[data-feature='ratings']")).ToContainTextAsync("Ratings: 1 sent to Trakt");
            await Expect(web.Page.Locator("[data-testid='trakt-account-problem']")).ToBeEmptyAsync();
            await Screenshot(web.Page, "last-sync");
        }

        var open = await Fixture.Aperture(System.Net.Http.HttpMethod.Get, "Alerts");
        Assert.DoesNotContain(open.EnumerateArray(), a => a.GetProperty("Kind").GetString() == "AccountLimit");
    }

    [SkippableFact]
    public async Task UserPage_NotSignedIn_SaysSoAndLinksToJellyfinWeb()
    {
        Skip.If(Fixture.Problem is not null, Fixture.Problem);
        Skip.If(Chromium.Problem is not null, Chromium.Problem);

        await using var web = await JellyfinWebUserPage.OpenAsync(Chromium, null);
        await Expect(web.Page.Locator("#signedOut")).ToBeVisibleAsync();
        await Expect(web.Page.Locator("#signedOut")).ToContainTextAsync("not signed in");
        await Expect(web.Page.Locator("#signInLink")).ToHaveAttributeAsync("href", "/web/");
        await Expect(web.Page.Locator("#trakt")).ToBeHiddenAsync();
        Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));
    }

    // The tests share one server and run in any order; each starts from "not linked" whatever an earlier one left.
    private static async Task StartNotLinkedAsync(JellyfinUserAccount viewer)
    {
        using var unlink = await viewer.Api.PostAsync("Aperture/User/Trakt/Unlink", null);
        unlink.EnsureSuccessStatusCode();
    }

    // For a person to look at what real Chromium showed; the assertions do not depend on it.
    private async Task Screenshot(IPage page, string name)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aperture-userpage-" + Fixture.Version + "-" + name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Output.WriteLine("Screenshot: " + path);
    }
}
