using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Jellyfin.Plugin.Aperture.Tests.Browser;

/// <summary>
/// The "Metadata enrichment" section in a real browser against the in-process dev host in demo mode: settings
/// saved and refused as the admin sees it, Run now running the real Enrich library task over the sample library
/// through the TMDb, MDBList and OMDb emulators, and per-item problems when a service is down.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class EnrichmentPageBrowserTests
{
    private static readonly string[] _sources = ["tmdb", "mdblist", "omdb"];
    private readonly ChromiumFixture _chromium;

    public EnrichmentPageBrowserTests(ChromiumFixture chromium)
    {
        _chromium = chromium;
    }

    [Fact]
    public async Task Switch_SavedOnThePage_IsStillOnAfterReload()
    {
        await using var session = await OpenConfiguredAsync();
        var scoreTags = Switch(session, "ScoreTags");
        await Expect(scoreTags).Not.ToBeCheckedAsync();
        await Expect(Switch(session, "CriticRating")).ToBeCheckedAsync();

        await scoreTags.CheckAsync();
        await session.Page.Locator("[data-testid='enrichment-save']").ClickAsync();
        await Expect(session.Page.Locator("[data-testid='enrichment-saved']")).ToContainTextAsync("Saved");
        await Expect(session.Page.Locator("[data-testid='enrichment-error']")).ToBeEmptyAsync();

        await session.ReloadAsync();
        await Expect(Switch(session, "ScoreTags")).ToBeCheckedAsync();
        using var doc = JsonDocument.Parse(await session.Api.GetStringAsync("Aperture/Enrichment"));
        Assert.True(doc.RootElement.GetProperty("Settings").GetProperty("ScoreTags").GetBoolean());
    }

    [Fact]
    public async Task BadValue_ShowsTheServerMessage_AndKeepsWhatWasTyped()
    {
        await using var session = await OpenConfiguredAsync();
        var page = session.Page;
        var before = await SettingsJsonAsync(session);
        await Expect(page.Locator("[data-testid='enrichment-fresh-days']")).ToHaveValueAsync("30");

        await Switch(session, "ScoreTags").CheckAsync();
        await page.Locator("[data-testid='enrichment-fresh-days']").FillAsync("0");
        await page.Locator("[data-testid='enrichment-image-language']").FillAsync("de");
        await page.Locator("[data-testid='enrichment-critic-order']").SelectOptionAsync("omdb,mdblist");
        await page.Locator("[data-testid='enrichment-save']").ClickAsync();

        await Expect(page.Locator("[data-testid='enrichment-error']")).ToContainTextAsync("Fresh days and not-found days must be 1 or more.");

        // A poll of the overview after the refusal must not overwrite the form.
        await page.WaitForResponseAsync(r => r.Url.EndsWith("/Aperture/Enrichment", StringComparison.Ordinal) && r.Request.Method == "GET");
        await page.WaitForResponseAsync(r => r.Url.EndsWith("/Aperture/Enrichment", StringComparison.Ordinal) && r.Request.Method == "GET");
        await Expect(page.Locator("[data-testid='enrichment-fresh-days']")).ToHaveValueAsync("0");
        await Expect(page.Locator("[data-testid='enrichment-image-language']")).ToHaveValueAsync("de");
        await Expect(page.Locator("[data-testid='enrichment-critic-order']")).ToHaveValueAsync("omdb,mdblist");
        await Expect(Switch(session, "ScoreTags")).ToBeCheckedAsync();
        await Expect(page.Locator("[data-testid='enrichment-error']")).ToContainTextAsync("Fresh days");
        Assert.Equal(before, await SettingsJsonAsync(session));

        // Fixing the value saves everything that was typed.
        await page.Locator("[data-testid='enrichment-fresh-days']").FillAsync("14");
        await page.Locator("[data-testid='enrichment-save']").ClickAsync();
        await Expect(page.Locator("[data-testid='enrichment-saved']")).ToContainTextAsync("Saved");
        await Expect(page.Locator("[data-testid='enrichment-error']")).ToBeEmptyAsync();
        using var doc = JsonDocument.Parse(await SettingsJsonAsync(session));
        var settings = doc.RootElement;
        Assert.Equal(14, settings.GetProperty("FreshDays").GetInt32());
        Assert.Equal("de", settings.GetProperty("ImageLanguage").GetString());
        Assert.Equal("omdb,mdblist", settings.GetProperty("CriticSourceOrder").GetString());
        Assert.True(settings.GetProperty("ScoreTags").GetBoolean());
    }

    [Fact]
    public async Task RunNow_ListsACompletedRunThatEnrichedItems_AndTheLibraryHasTheCriticRating()
    {
        await using var session = await OpenConfiguredAsync();
        var page = session.Page;
        await Expect(page.Locator("[data-testid='enrichment-runs-empty']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='enrichment-unavailable']")).ToBeHiddenAsync();
        var run = page.Locator("[data-testid='enrichment-run']");
        await Expect(run).ToBeEnabledAsync();

        await run.ClickAsync();

        await Expect(page.Locator("[data-testid='enrichment-run-state']")).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(queued|running|finished)$"));
        var row = page.Locator("[data-testid='enrichment-run-row']");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-status", "completed");
        await Expect(row.Locator("[data-col='status']")).ToHaveTextAsync("Completed");
        await Expect(page.Locator("[data-testid='enrichment-run-state']")).ToHaveAttributeAsync("data-state", "finished");
        await Expect(run).ToBeEnabledAsync();
        var enriched = int.Parse(await row.Locator("[data-col='enriched']").TextContentAsync() ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture);
        Assert.True(enriched > 0, "the first run over the sample library enriches something");
        await Expect(row.Locator("[data-col='due']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ / 8$"));
        await Expect(row.Locator("[data-col='skipped']")).ToHaveTextAsync("none");

        using var library = JsonDocument.Parse(await session.Api.GetStringAsync("dev/library"));
        var matrix = library.RootElement.EnumerateArray().Single(i => i.GetProperty("Name").GetString() == "The Matrix");
        Assert.Equal(JsonValueKind.Number, matrix.GetProperty("CriticRating").ValueKind);
        Assert.NotEmpty(matrix.GetProperty("Tags").EnumerateArray());
    }

    [Fact]
    public async Task RunNow_WithOmdbDown_ListsPerItemProblemsForOmdb()
    {
        await using var session = await OpenConfiguredAsync();
        var page = session.Page;
        await session.SetFaultAsync("omdb", "Outage");

        await page.Locator("[data-testid='enrichment-run']").ClickAsync();

        var problems = page.Locator("[data-testid='enrichment-problem'][data-service='omdb']");
        await Expect(problems.First).ToBeVisibleAsync();
        await Expect(problems.First).ToHaveAttributeAsync("data-status", "Failed");
        await Expect(problems.First.Locator("[data-testid='enrichment-problem-title']")).ToContainTextAsync("OMDb");
        await Expect(problems.First.Locator("[data-testid='enrichment-problem-message']")).ToContainTextAsync("Outage");
        await Expect(problems.First.Locator("[data-testid='enrichment-problem-next']")).ToContainTextAsync("Next try");

        // Problems are listed as the run records them; once it has finished, every title OMDb failed on is there.
        var row = page.Locator("[data-testid='enrichment-run-row']");
        await Expect(row).ToHaveAttributeAsync("data-status", "completed");
        await Expect(row.Locator("[data-col='failed']")).ToContainTextAsync("OMDb: Outage");
        await Expect(page.Locator("[data-testid='enrichment-problem-title']", new() { HasTextString = "The Matrix \u00B7 OMDb \u00B7 Failed" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WithoutTmdbMdbListOrOmdb_RunNowIsDisabled_UntilAKeyIsSaved()
    {
        await using var session = await SettingsPageSession.OpenAsync(_chromium);
        var page = session.Page;
        var unavailable = page.Locator("[data-testid='enrichment-unavailable']");

        await Expect(unavailable).ToBeVisibleAsync();
        await Expect(unavailable).ToContainTextAsync("Enrichment is unavailable: TMDb, MDBList and OMDb are not configured");
        await Expect(page.Locator("[data-testid='enrichment-run']")).ToBeDisabledAsync();
        await Expect(page.Locator("[data-testid='enrichment-save']")).ToBeEnabledAsync();

        // A key saved elsewhere shows up with the next poll.
        await session.SaveDemoCredentialsAsync("mdblist");
        await Expect(unavailable).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid='enrichment-run']")).ToBeEnabledAsync();
    }

    private static ILocator Switch(SettingsPageSession session, string field) =>
        session.Page.Locator("#apertureEnrich-" + field);

    private static async Task<string> SettingsJsonAsync(SettingsPageSession session)
    {
        using var doc = JsonDocument.Parse(await session.Api.GetStringAsync("Aperture/Enrichment"));
        return doc.RootElement.GetProperty("Settings").GetRawText();
    }

    // TMDb, MDBList and OMDb with their demo keys, then the page opened again so it starts from that state.
    private async Task<SettingsPageSession> OpenConfiguredAsync()
    {
        var session = await SettingsPageSession.OpenAsync(_chromium);
        try
        {
            foreach (var service in _sources)
            {
                await session.SaveDemoCredentialsAsync(service);
            }

            await session.ReloadAsync();
            await Expect(session.Page.Locator("[data-testid='enrichment-run']")).ToBeEnabledAsync();
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }
}
