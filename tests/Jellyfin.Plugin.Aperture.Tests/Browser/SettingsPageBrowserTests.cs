using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Jellyfin.Plugin.Aperture.Tests.Browser;

/// <summary>
/// The settings page in a real browser, inside the dev host's page shell, against the real admin API and the
/// loopback emulators. What an admin would notice: states, masks, alerts appearing and clearing by themselves.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SettingsPageBrowserTests
{
    private readonly ChromiumFixture _chromium;

    public SettingsPageBrowserTests(ChromiumFixture chromium)
    {
        _chromium = chromium;
    }

    [Fact]
    public async Task Cards_AppearInSetupOrder_WithNameStatusAndButtons()
    {
        await using var session = await SettingsPageSession.OpenAsync(_chromium);

        var order = await session.Page.Locator("[data-testid='integration']").EvaluateAllAsync<string[]>("cards => cards.map(c => c.getAttribute('data-integration'))");
        Assert.Equal(new[] { "ai", "tmdb", "omdb", "trakt", "mdblist", "seerr" }, order);
        await Expect(session.Badge("tmdb")).ToHaveTextAsync("\u2717 Not configured");
        var tmdb = session.Card("tmdb");
        await Expect(tmdb.Locator("[data-testid='credential-input']").First).ToHaveAttributeAsync("type", "password");
        await Expect(tmdb.Locator("[data-testid='credential-input']").First).ToHaveAttributeAsync("autocomplete", "off");
        await Expect(tmdb.Locator("[data-testid='test']")).ToHaveTextAsync("Test Connection");
        await Expect(tmdb.Locator("[data-testid='save']")).ToBeVisibleAsync();
        await Expect(tmdb.Locator("[data-testid='clear']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SaveKey_ShowsOnlyTheMask_NeverTheKey()
    {
        await using var session = await SettingsPageSession.OpenAsync(_chromium);
        var key = session.Demo.Emulators.Tmdb.ValidKey;
        var input = session.Card("tmdb").Locator("[data-testid='credential-input']").First;

        await input.FillAsync(key);
        await session.Card("tmdb").Locator("[data-testid='save']").ClickAsync();

        await Expect(session.Badge("tmdb")).ToHaveTextAsync("\u2713 Connected");
        await Expect(input).ToHaveValueAsync(string.Empty);
        await Expect(input).ToHaveAttributeAsync("placeholder", "saved " + Jellyfin.Plugin.Aperture.Secrets.CredentialStore.MaskOf(key));
        Assert.DoesNotContain(key, await session.Page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, await session.Api.GetStringAsync("Aperture/Integrations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestConnection_ShowsTesting_ThenConnected()
    {
        await using var session = await SettingsPageSession.OpenAsync(_chromium);
        await session.SaveDemoCredentialsAsync("tmdb");
        await session.ReloadAsync();

        // Hold the test request until the page has shown "Testing": no clock involved.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await session.Page.RouteAsync("**/Aperture/Integrations/tmdb/Test", async route =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(15));
            await route.ContinueAsync();
        });

        await session.Card("tmdb").Locator("[data-testid='test']").ClickAsync();
        await Expect(session.Badge("tmdb")).ToHaveTextAsync("\u21BB Testing");
        await Expect(session.Badge("tmdb")).ToHaveAttributeAsync("data-status", "Testing");
        release.SetResult();

        await Expect(session.Badge("tmdb")).ToHaveTextAsync("\u2713 Connected");
        await Expect(session.Card("tmdb").Locator("[data-testid='result']")).ToHaveAttributeAsync("data-result", "success");
        await Expect(session.Card("tmdb").Locator("[data-testid='last-success']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task BadKey_ShowsError_AndAnAuthenticationAlert()
    {
        await using var session = await SettingsPageSession.OpenAsync(_chromium);
        var tmdb = session.Card("tmdb");

        await tmdb.Locator("[data-testid='credential-input']").First.FillAsync("not-a-valid-tmdb-key");
        await tmdb.Locator("[data-testid='save']").ClickAsync();

        await Expect(session.Badge("tmdb")).ToHaveTextAsync("\u2717 Error");
        await Expect(tmdb.Locator("[data-testid='result']")).ToHaveAttributeAsync("data-result", "error");
        var alert = session.Alerts("tmdb", "Authentication");
        await Expect(alert).ToHaveCountAsync(1);
        await Expect(alert).ToHaveAttributeAsync("data-alert-severity", "Error");
        await Expect(alert).ToContainTextAsync("Authentication");
        await Expect(alert.Locator("[data-testid='alert-dismiss']")).ToBeVisibleAsync();
        Assert.DoesNotContain("not-a-valid-tmdb-key", await session.Page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutageAlert_Appears_AndClearsItselfOnRecovery_WithoutDismiss()
    {
        await using var session = await SettingsPageSession.OpenAsync(_chromium);
        await session.SaveDemoCredentialsAsync("tmdb");
        var dismissClicks = 0;
        session.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/Dismiss", StringComparison.OrdinalIgnoreCase))
            {
                dismissClicks++;
            }
        };

        // The service goes down and a call fails, outside the page: the page learns of it by polling.
        await session.SetFaultAsync("tmdb", "Outage");
        await session.TestThroughApiAsync("tmdb");
        await Expect(session.Alerts("tmdb", "Outage")).ToHaveCountAsync(1);

        // It comes back and the next call succeeds: the alert goes away with no click.
        await session.SetFaultAsync("tmdb", "None");
        var recovered = await session.TestThroughApiAsync("tmdb");
        Assert.True(recovered.GetProperty("Success").GetBoolean());
        await Expect(session.Alerts("tmdb", "Outage")).ToHaveCountAsync(0);
        await Expect(session.Badge("tmdb")).ToHaveTextAsync("\u2713 Connected");
        Assert.Equal(0, dismissClicks);
    }

    [Fact]
    public async Task Clear_AsksWhichFeaturesStop_ThenShowsNotConfigured()
    {
        await using var session = await SettingsPageSession.OpenAsync(_chromium);
        await session.SaveDemoCredentialsAsync("tmdb");
        await session.TestThroughApiAsync("tmdb");
        await session.ReloadAsync();
        await Expect(session.Badge("tmdb")).ToHaveTextAsync("\u2713 Connected");

        string? question = null;
        session.Page.Dialog += async (_, dialog) =>
        {
            question = dialog.Message;
            await dialog.AcceptAsync();
        };
        await session.Card("tmdb").Locator("[data-testid='clear']").ClickAsync();

        await Expect(session.Badge("tmdb")).ToHaveTextAsync("\u2717 Not configured");
        await Expect(session.Card("tmdb").Locator("[data-testid='credential-input']").First).ToHaveAttributeAsync("placeholder", "Not set");
        Assert.NotNull(question);
        Assert.Contains("stop working", question, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(await session.Api.GetStringAsync("Aperture/Integrations"));
        var features = doc.RootElement.EnumerateArray().First(i => i.GetProperty("Id").GetString() == "tmdb").GetProperty("DependentFeatures");
        Assert.All(features.EnumerateArray(), f => Assert.Contains(f.GetString()!, question, StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidBaseUrl_ShowsTheServerMessage_AndLosesNothing()
    {
        await using var session = await SettingsPageSession.OpenAsync(_chromium);
        var tmdb = session.Card("tmdb");
        var before = await session.Api.GetStringAsync("Aperture/Integrations");
        var keyInput = tmdb.Locator("[data-testid='credential-input']").First;

        await keyInput.FillAsync(session.Demo.Emulators.Tmdb.ValidKey);
        await tmdb.Locator("[data-testid='baseurl-input']").FillAsync("not a url");
        await tmdb.Locator("[data-testid='save']").ClickAsync();

        await Expect(tmdb.Locator("[data-testid='baseurl-error']")).ToContainTextAsync("The base URL must be a full http:// or https:// address");
        await Expect(keyInput).ToHaveValueAsync(session.Demo.Emulators.Tmdb.ValidKey);
        await Expect(tmdb.Locator("[data-testid='baseurl-input']")).ToHaveValueAsync("not a url");
        await Expect(session.Badge("tmdb")).ToHaveTextAsync("\u2717 Not configured");
        Assert.Equal(before, await session.Api.GetStringAsync("Aperture/Integrations"));
    }

    [Fact]
    public async Task Dashboard_Screenshot()
    {
        await using var session = await SettingsPageSession.OpenAsync(_chromium);
        await session.SaveDemoCredentialsAsync("ai");
        await session.TestThroughApiAsync("ai");
        await session.SaveDemoCredentialsAsync("tmdb");
        await session.TestThroughApiAsync("tmdb");
        await session.SaveDemoCredentialsAsync("omdb", key: "wrong-omdb-key");
        await session.TestThroughApiAsync("omdb");
        await session.SaveDemoCredentialsAsync("mdblist");

        // One enrichment run, so the section shows a run and the items OMDb refused.
        using (var run = await session.Api.PostAsync("dev/tasks/ApertureEnrichLibrary/run?wait=true", null))
        {
            run.EnsureSuccessStatusCode();
        }

        await session.ReloadAsync();
        await Expect(session.Badge("tmdb")).ToHaveTextAsync("\u2713 Connected");
        await Expect(session.Alerts("omdb", "Authentication")).ToHaveCountAsync(1);
        await Expect(session.Page.Locator("[data-testid='enrichment-run-row'][data-status='completed']")).ToHaveCountAsync(1);

        var file = Path.Combine(AppContext.BaseDirectory, "dashboard.png");
        await session.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000);

        // APERTURE_SCREENSHOT_DIR=docs/images refreshes the committed picture.
        if (Environment.GetEnvironmentVariable("APERTURE_SCREENSHOT_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            File.Copy(file, Path.Combine(dir, "dashboard.png"), overwrite: true);
        }
    }
}
