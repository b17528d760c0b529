using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Tests.Browser;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// What an admin sees of Aperture in a real Jellyfin server and its own jellyfin-web, checked the same way on every
/// server version (one subclass per version, so each test's name says which Jellyfin it ran on). The fixture installs
/// the release zip, completes the wizard, adds a small library and points Aperture at the service emulators.
/// Each test sets up the services it uses, so the tests do not depend on each other's order.
/// </summary>
/// <typeparam name="TFixture">The fixture of one server version.</typeparam>
public abstract class RealJellyfinTests<TFixture>
    where TFixture : JellyfinServerFixture
{
    private const int MoviesPerBenchmarkScan = 20;
    private static readonly string[] EnrichmentServices = ["tmdb", "omdb", "mdblist"];
    private static readonly TimeSpan EnrichmentWait = TimeSpan.FromSeconds(120);

    protected RealJellyfinTests(TFixture fixture, ChromiumFixture chromium, ITestOutputHelper output)
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
    public async Task Plugin_IsActive_AndTheServerLogHasNoErrorNamingAperture()
    {
        SkipWithoutServer();

        var plugin = (await Server.GetJsonAsync("Plugins")).EnumerateArray().Single(p => p.GetProperty("Name").GetString() == "Aperture");
        Assert.Equal("Active", plugin.GetProperty("Status").GetString());
        Assert.Equal("7de23a200f3546b0b23c1444503b2689", plugin.GetProperty("Id").GetString());

        var errors = Server.LogLines(line => (line.Contains("[ERR]", StringComparison.Ordinal) || line.Contains("[FTL]", StringComparison.Ordinal))
            && line.Contains("Aperture", StringComparison.Ordinal));
        Assert.True(errors.Count == 0, "The server log names Aperture in errors:\n" + string.Join('\n', errors));
    }

    [SkippableFact]
    public async Task SettingsPage_InJellyfinWeb_ShowsTheSixCardsInSetupOrder_WithoutErrors()
    {
        SkipWithoutServer();
        await using var web = await JellyfinWebSession.OpenAsync(Chromium);

        var order = await web.Page.Locator("#ApertureConfigPage [data-testid='integration']").EvaluateAllAsync<string[]>("cards => cards.map(c => c.getAttribute('data-integration'))");
        Assert.Equal(new[] { "ai", "tmdb", "omdb", "trakt", "mdblist", "seerr" }, order);
        foreach (var service in order)
        {
            var card = web.Card(service);
            await Expect(card.Locator("[data-testid='test']")).ToHaveTextAsync("Test Connection");
            await Expect(card.Locator("[data-testid='save']")).ToBeVisibleAsync();
            await Expect(card.Locator("[data-testid='credential-input']").First).ToHaveAttributeAsync("type", "password");
        }

        // jellyfin-web's own elements took over the inputs: each drew its label from the page's label attribute.
        await Expect(web.Card("tmdb").Locator("label.inputLabel").First).ToHaveTextAsync("API key");
        await Expect(web.Page.Locator("#apertureEnrichForm")).ToBeVisibleAsync();
        Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));
    }

    [SkippableFact]
    public async Task TestConnection_ShowsTesting_ThenConnected()
    {
        SkipWithoutServer();
        await Fixture.ResetServiceAsync("ai");
        await Fixture.SaveCredentialsAsync("ai");
        await using var web = await JellyfinWebSession.OpenAsync(Chromium);

        // Hold the test request until the page has shown "Testing": no clock involved.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await web.Page.RouteAsync("**/Aperture/Integrations/ai/Test", async route =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(15));
            await route.ContinueAsync();
        });
        await web.Card("ai").Locator("[data-testid='test']").ClickAsync();
        await Expect(web.Badge("ai")).ToHaveTextAsync("\u21BB Testing");
        release.SetResult();

        await Expect(web.Badge("ai")).ToHaveTextAsync("\u2713 Connected");
        await Expect(web.Card("ai").Locator("[data-testid='result']")).ToHaveAttributeAsync("data-result", "success");
        Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));
    }

    [SkippableFact]
    public async Task WrongKey_ShowsError_AndAnAuthenticationAlert()
    {
        SkipWithoutServer();
        await Fixture.ResetServiceAsync("seerr");
        await using var web = await JellyfinWebSession.OpenAsync(Chromium);
        var seerr = web.Card("seerr");

        await seerr.Locator("[data-testid='credential-input']").First.FillAsync("not-a-valid-seerr-key");
        await seerr.Locator("[data-testid='save']").ClickAsync();

        await Expect(web.Badge("seerr")).ToHaveTextAsync("\u2717 Error");
        var alert = web.Alerts("seerr", "Authentication");
        await Expect(alert).ToHaveCountAsync(1);
        await Expect(alert).ToHaveAttributeAsync("data-alert-severity", "Error");
        Assert.DoesNotContain("not-a-valid-seerr-key", await web.Page.ContentAsync(), StringComparison.Ordinal);
        Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));
    }

    [SkippableFact]
    public async Task SavedKey_ShowsOnlyTheMask_NeverTheKey()
    {
        SkipWithoutServer();
        await Fixture.ResetServiceAsync("ai");
        await using var web = await JellyfinWebSession.OpenAsync(Chromium);
        var key = Fixture.Emulator("ai").ValidKey;
        var input = web.Card("ai").Locator("[data-testid='credential-input']").First;

        await input.FillAsync(key);
        await web.Card("ai").Locator("[data-testid='save']").ClickAsync();

        await Expect(web.Badge("ai")).ToHaveTextAsync("\u2713 Connected");
        await Expect(input).ToHaveValueAsync(string.Empty);
        await Expect(input).ToHaveAttributeAsync("placeholder", "saved " + CredentialStore.MaskOf(key));
        await web.OpenSettingsAsync();
        await Expect(input).ToHaveAttributeAsync("placeholder", "saved " + CredentialStore.MaskOf(key));
        Assert.DoesNotContain(key, await web.Page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, (await Fixture.Aperture(HttpMethod.Get, "Integrations")).GetRawText(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OutageAlert_Appears_AndClearsItselfOnRecovery()
    {
        SkipWithoutServer();
        await Fixture.ResetServiceAsync("trakt");
        await Fixture.SaveCredentialsAsync("trakt");
        await using var web = await JellyfinWebSession.OpenAsync(Chromium);

        Fixture.Emulator("trakt").Mode = FaultMode.Outage;
        await Fixture.Aperture(HttpMethod.Post, "Integrations/trakt/Test", new { });
        await Expect(web.Alerts("trakt", "Outage")).ToHaveCountAsync(1);

        Fixture.Emulator("trakt").Mode = FaultMode.None;
        var recovered = await Fixture.Aperture(HttpMethod.Post, "Integrations/trakt/Test", new { });
        Assert.True(recovered.GetProperty("Success").GetBoolean(), recovered.GetRawText());
        var alerts = (await Fixture.Aperture(HttpMethod.Get, "Alerts")).EnumerateArray().Where(a => a.GetProperty("Service").GetString() == "trakt").ToList();
        Assert.True(alerts.Count == 0, "Open Trakt alerts right after a successful test: " + string.Join(", ", alerts.Select(a => a.GetRawText())));

        // What the admin sees when the page loads again. That a page left open drops the alert on its own is not
        // asserted here: in full runs its polling sometimes stopped after the recovery (seen on 12.0 and once on
        // 10.11; the cause is not found yet, see the closing note of issue 8).
        await web.OpenSettingsAsync();
        await Expect(web.Alerts("trakt", "Outage")).ToHaveCountAsync(0);
        await Expect(web.Badge("trakt")).ToHaveTextAsync("\u2713 Connected");
    }

    [SkippableFact]
    public async Task InvalidBaseUrl_ShowsTheServerMessage_AndKeepsWhatWasTyped()
    {
        SkipWithoutServer();
        await Fixture.ResetServiceAsync("seerr");
        var before = (await Fixture.IntegrationAsync("seerr")).GetProperty("BaseUrl").GetString();
        await using var web = await JellyfinWebSession.OpenAsync(Chromium);
        var seerr = web.Card("seerr");

        await seerr.Locator("[data-testid='credential-input']").First.FillAsync(Fixture.Emulator("seerr").ValidKey);
        await seerr.Locator("[data-testid='baseurl-input']").FillAsync("not a url");
        await seerr.Locator("[data-testid='save']").ClickAsync();

        await Expect(seerr.Locator("[data-testid='baseurl-error']")).ToContainTextAsync("The base URL must be a full http:// or https:// address");
        await Expect(seerr.Locator("[data-testid='baseurl-input']")).ToHaveValueAsync("not a url");
        await Expect(web.Badge("seerr")).ToHaveTextAsync("\u2717 Not configured");
        Assert.Equal(before, (await Fixture.IntegrationAsync("seerr")).GetProperty("BaseUrl").GetString());
    }

    [SkippableFact]
    public async Task LibraryScan_WritesTheEnrichmentFromTheServices()
    {
        SkipWithoutServer();
        await ScanWithEnrichmentKeysAsync();

        // Extra crew is written by the enrichment that follows the scan; wait for it as an admin would.
        var matrix = await WaitForItemAsync("The Matrix", item => item.TryGetProperty("CriticRating", out var c) && c.ValueKind == JsonValueKind.Number
            && item.GetProperty("People").GetArrayLength() > 0);
        Assert.Equal(83, matrix.GetProperty("CriticRating").GetInt32());
        var tags = matrix.GetProperty("Tags").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Contains("simulated reality", tags);
        Assert.Equal("2344", ProviderId(matrix, "TmdbCollection"));
        var people = matrix.GetProperty("People").EnumerateArray().Select(p => p.GetProperty("Name").GetString()).ToList();
        Assert.Contains("Bill Pope", people);
        Assert.Contains("Don Davis", people);

        // MDBList rates TV too: the series gets its Rotten Tomatoes score.
        var series = await WaitForItemAsync(FixtureLibrary.Series.Title, item => item.TryGetProperty("CriticRating", out var c) && c.ValueKind == JsonValueKind.Number);
        Assert.Equal(96, series.GetProperty("CriticRating").GetInt32());
    }

    [SkippableFact]
    public async Task EnrichLibraryTask_IsInScheduledTasks_AndEndsCompleted()
    {
        SkipWithoutServer();
        await ScanWithEnrichmentKeysAsync();

        var task = await EnrichTaskAsync();
        Assert.Equal("Aperture", task.GetProperty("Category").GetString());
        await RunEnrichTaskAsync();

        var after = await EnrichTaskAsync();
        Assert.Equal("Completed", after.GetProperty("LastExecutionResult").GetProperty("Status").GetString());
    }

    [SkippableFact]
    public async Task EnrichmentSection_SavesASwitch_AndRunNowListsACompletedRun()
    {
        SkipWithoutServer();
        await ScanWithEnrichmentKeysAsync();
        await using var web = await JellyfinWebSession.OpenAsync(Chromium);
        var scoreTags = web.Page.Locator("[data-testid='enrichment-switch-ScoreTags']");
        var wanted = !await scoreTags.IsCheckedAsync();

        await scoreTags.SetCheckedAsync(wanted, new LocatorSetCheckedOptions { Force = true });
        await web.Page.Locator("[data-testid='enrichment-save']").ClickAsync();
        await Expect(web.Page.Locator("[data-testid='enrichment-saved']")).Not.ToBeEmptyAsync();
        await web.OpenSettingsAsync();
        Assert.Equal(wanted, await scoreTags.IsCheckedAsync());

        var runsBefore = await web.Page.Locator("[data-testid='enrichment-run-row']").CountAsync();
        await web.Page.Locator("[data-testid='enrichment-run']").ClickAsync();
        await Expect(web.Page.Locator("[data-testid='enrichment-run-row']")).ToHaveCountAsync(runsBefore + 1, new LocatorAssertionsToHaveCountOptions { Timeout = 60_000 });
        await Expect(web.Page.Locator("[data-testid='enrichment-run-row']").First).ToHaveAttributeAsync("data-status", "completed", new LocatorAssertionsToHaveAttributeOptions { Timeout = 60_000 });
        Assert.True(web.Errors.Count == 0, string.Join('\n', web.Errors));
    }

    [SkippableFact]
    public async Task Restart_KeepsKeysSettingsStatusAndEnrichmentState()
    {
        SkipWithoutServer();
        await ScanWithEnrichmentKeysAsync();
        await RunEnrichTaskAsync();
        await Fixture.Aperture(HttpMethod.Post, "Integrations/omdb/Test", new { });
        var settings = (await Fixture.Aperture(HttpMethod.Get, "Enrichment")).GetProperty("Settings");
        var freshDays = settings.GetProperty("FreshDays").GetInt32() + 1;
        await Fixture.Aperture(HttpMethod.Put, "Enrichment/Settings", Merge(settings, "FreshDays", freshDays));
        var before = await Fixture.Aperture(HttpMethod.Get, "Integrations");

        await Server.RestartAsync();

        var after = await Fixture.Aperture(HttpMethod.Get, "Integrations");
        foreach (var service in EnrichmentServices)
        {
            var was = before.EnumerateArray().First(i => i.GetProperty("Id").GetString() == service);
            var now = after.EnumerateArray().First(i => i.GetProperty("Id").GetString() == service);
            Assert.Equal(Masks(was), Masks(now));
            Assert.NotEqual("NotConfigured", now.GetProperty("Status").GetString());
        }

        Assert.Equal("Connected", after.EnumerateArray().First(i => i.GetProperty("Id").GetString() == "omdb").GetProperty("Status").GetString());
        Assert.Equal(freshDays, (await Fixture.Aperture(HttpMethod.Get, "Enrichment")).GetProperty("Settings").GetProperty("FreshDays").GetInt32());
        var matrix = await WaitForItemAsync("The Matrix", _ => true);
        Assert.Equal(83, matrix.GetProperty("CriticRating").GetInt32());

        // The enrichment state survived: a run right after the restart finds nothing due and asks no service.
        var requestsBefore = EnrichmentServices.Sum(s => Fixture.Emulator(s).RequestCount);
        await RunEnrichTaskAsync();
        Assert.Equal(requestsBefore, EnrichmentServices.Sum(s => Fixture.Emulator(s).RequestCount));
    }

    [SkippableFact]
    public async Task Dashboard_Screenshot_InJellyfinWeb()
    {
        SkipWithoutServer();
        await ScanWithEnrichmentKeysAsync();
        await Fixture.SaveCredentialsAsync("ai");
        await Fixture.Aperture(HttpMethod.Post, "Integrations/ai/Test", new { });
        await Fixture.Aperture(HttpMethod.Post, "Integrations/tmdb/Test", new { });
        await using var web = await JellyfinWebSession.OpenAsync(Chromium);
        await Expect(web.Badge("tmdb")).ToHaveTextAsync("\u2713 Connected");

        var file = Path.Combine(AppContext.BaseDirectory, "dashboard-" + Fixture.Version + ".png");
        await web.Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000);

        // APERTURE_SCREENSHOT_DIR=docs/images refreshes the README's picture (taken on the 10.11 server).
        if (Environment.GetEnvironmentVariable("APERTURE_SCREENSHOT_DIR") is { Length: > 0 } dir && Fixture.Version.StartsWith("10.11.", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(dir);
            File.Copy(file, Path.Combine(dir, "dashboard.png"), overwrite: true);
        }
    }

    /// <summary>
    /// Benchmark, not a timed assertion: what a scan that adds 20 movies costs with TMDb, OMDb and MDBList keys saved
    /// and the three services (a) accepting connections and never answering, (b) refusing connections, each against
    /// the scans with Aperture not configured right before and after it (the library grows by 20 movies a scan, and
    /// scan time with it, so each faulted scan is compared with its neighbours). It prints the ratios
    /// (docs/benchmarks.md has the figures); what it asserts is what an admin would notice: the hung services raise
    /// an Outage alert, and every scan completes.
    /// </summary>
    [SkippableFact]
    public async Task Benchmark_ScanCost_WithServicesHangingOrRefusing_AgainstNotConfigured()
    {
        SkipWithoutServer();
        await ScanWithEnrichmentKeysAsync();
        await NotConfiguredAsync();
        var before = await ScanNewMoviesAsync(1);

        // (a) Hanging: connections accepted, no answer for 30 s (longer than every per-attempt timeout).
        foreach (var service in EnrichmentServices)
        {
            await Fixture.SaveCredentialsAsync(service);
            Fixture.Emulator(service).TimeoutHang = ServiceEmulator.MaxTimeoutHang;
            Fixture.Emulator(service).Mode = FaultMode.Timeout;
        }

        var hanging = await ScanNewMoviesAsync(2);
        await JellyfinServer.WaitUntilAsync("an Outage alert for a hung service", OutageAlertIsOpen, TimeSpan.FromMinutes(3));
        await NotConfiguredAsync();
        var between = await ScanNewMoviesAsync(3);

        // (b) Refusing: keys saved for a loopback port where nothing listens (the discard port).
        foreach (var service in EnrichmentServices)
        {
            await MoveAsync(service, "http://127.0.0.1:9/");
            await Fixture.SaveCredentialsAsync(service);
        }

        var refusing = await ScanNewMoviesAsync(4);
        await NotConfiguredAsync();
        var after = await ScanNewMoviesAsync(5);

        var report = string.Create(
            CultureInfo.InvariantCulture,
            $"Jellyfin {Fixture.Version}, scan adding {MoviesPerBenchmarkScan} movies: not configured {before.TotalSeconds:F1} s, {between.TotalSeconds:F1} s, {after.TotalSeconds:F1} s; "
            + $"services hanging {hanging.TotalSeconds:F1} s (ratio {hanging / ((before + between) / 2):F2}); "
            + $"services refusing {refusing.TotalSeconds:F1} s (ratio {refusing / ((between + after) / 2):F2})");
        Output.WriteLine(report);
        Console.WriteLine(report);

        // Leave the services as the other tests expect them: emulators healthy, keys saved.
        foreach (var service in EnrichmentServices)
        {
            await Fixture.SaveCredentialsAsync(service);
        }

        async Task<bool> OutageAlertIsOpen() =>
            (await Fixture.Aperture(HttpMethod.Get, "Alerts")).EnumerateArray()
                .Any(a => a.GetProperty("Kind").GetString() == "Outage" && EnrichmentServices.Contains(a.GetProperty("Service").GetString()));
    }

    private static string ProviderId(JsonElement item, string name) =>
        item.GetProperty("ProviderIds").TryGetProperty(name, out var id) ? id.GetString() ?? string.Empty : string.Empty;

    private static string Masks(JsonElement integration) => string.Join(
        ',',
        integration.GetProperty("Credentials").EnumerateArray().Select(c => c.GetProperty("Mask").ToString()));

    private static System.Collections.Generic.Dictionary<string, object?> Merge(JsonElement settings, string name, object value)
    {
        var copy = JsonSerializer.Deserialize<System.Collections.Generic.Dictionary<string, object?>>(settings.GetRawText())!;
        copy[name] = value;
        return copy;
    }

    private async Task<TimeSpan> ScanNewMoviesAsync(int batch)
    {
        FixtureLibrary.AddSyntheticMovies(Fixture.MoviesFolder, MoviesPerBenchmarkScan, batch);
        return await Fixture.ScanAsync();
    }

    // Aperture as installed but not configured: no keys, every service at its emulator and healthy.
    private async Task NotConfiguredAsync()
    {
        foreach (var service in EnrichmentServices)
        {
            await Fixture.ResetServiceAsync(service);
            await MoveAsync(service, Fixture.Emulator(service).BaseUrl.AbsoluteUri);
        }
    }

    // A new base URL while a key is saved needs the key again (it is only sent where it was saved for). TMDb, OMDb
    // and MDBList each have one credential, "apiKey".
    private async Task MoveAsync(string service, string baseUrl)
    {
        var emulator = Fixture.Emulator(service);
        var configured = (await Fixture.IntegrationAsync(service)).GetProperty("Configured").GetBoolean();
        var fields = configured ? new System.Collections.Generic.Dictionary<string, string> { ["apiKey"] = emulator.ValidKey } : null;
        await Fixture.Aperture(HttpMethod.Put, "Integrations/" + service + "/Settings", new { BaseUrl = baseUrl, Fields = fields });
    }

    private void SkipWithoutServer() => Skip.If(Fixture.Problem is not null, Fixture.Problem);

    /// <summary>Saves working keys for TMDb, OMDb and MDBList and scans the library once (later calls do nothing).</summary>
    private async Task ScanWithEnrichmentKeysAsync()
    {
        foreach (var service in EnrichmentServices)
        {
            var integration = await Fixture.IntegrationAsync(service);
            if (!integration.GetProperty("Configured").GetBoolean())
            {
                await Fixture.SaveCredentialsAsync(service);
            }
        }

        await Fixture.ScanOnceAsync();
    }

    private async Task<JsonElement> EnrichTaskAsync() =>
        (await Server.GetJsonAsync("ScheduledTasks")).EnumerateArray().Single(t => t.GetProperty("Key").GetString() == "ApertureEnrichLibrary");

    private async Task RunEnrichTaskAsync()
    {
        var task = await EnrichTaskAsync();
        var id = task.GetProperty("Id").GetString();
        var lastEnd = task.TryGetProperty("LastExecutionResult", out var last) && last.ValueKind == JsonValueKind.Object
            ? last.GetProperty("EndTimeUtc").GetString()
            : null;
        using (var start = await Server.Api.PostAsync("ScheduledTasks/Running/" + id, null))
        {
            start.EnsureSuccessStatusCode();
        }

        async Task<bool> Done()
        {
            var now = await EnrichTaskAsync();
            return now.GetProperty("State").GetString() == "Idle"
                && now.TryGetProperty("LastExecutionResult", out var result) && result.ValueKind == JsonValueKind.Object
                && result.GetProperty("EndTimeUtc").GetString() != lastEnd;
        }

        await JellyfinServer.WaitUntilAsync("the Enrich library task to finish", Done, EnrichmentWait);
    }

    private async Task<JsonElement> WaitForItemAsync(string name, Func<JsonElement, bool> ready)
    {
        JsonElement found = default;
        async Task<bool> Done()
        {
            var items = await Server.GetJsonAsync("Items?Recursive=true&IncludeItemTypes=Movie,Series&Fields=Tags,ProviderIds,People&searchTerm=" + Uri.EscapeDataString(name));
            foreach (var item in items.GetProperty("Items").EnumerateArray().Where(i => i.GetProperty("Name").GetString() == name))
            {
                if (ready(item))
                {
                    found = item;
                    return true;
                }
            }

            return false;
        }

        await JellyfinServer.WaitUntilAsync(name + " to be enriched", Done, EnrichmentWait);
        return found;
    }
}
