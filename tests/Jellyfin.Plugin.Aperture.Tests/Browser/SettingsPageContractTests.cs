using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Aperture.DevHost;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Jellyfin.Plugin.Aperture.Tests.Browser;

/// <summary>
/// The page and the dev host's shell in Chromium with the admin API answered by the test (no server at all):
/// hostile upstream text stays text, the shell sends Jellyfin's auth header, and polling follows the API.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SettingsPageContractTests
{
    private const string Origin = "http://127.0.0.1:9";
    private const string Hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";

    private readonly ChromiumFixture _chromium;

    public SettingsPageContractTests(ChromiumFixture chromium)
    {
        _chromium = chromium;
    }

    [Fact]
    public async Task ApiText_IsShownAsText_NeverRunAsHtml()
    {
        _chromium.EnsureAvailable();
        var alerts = new List<object> { Alert(7, "Outage", "Info", "TMDb said: " + Hostile) };
        var page = await OpenAsync(alerts, reason: "Upstream answered " + Hostile);
        try
        {
            var alert = page.Locator("[data-testid='alert'][data-alert-kind='Outage'][data-alert-service='tmdb']");
            await Expect(alert.Locator("[data-testid='alert-message']")).ToHaveTextAsync("TMDb said: " + Hostile);
            await Expect(page.Locator("[data-integration='tmdb'] [data-testid='reason']")).ToHaveTextAsync("Upstream answered " + Hostile);
            var problem = page.Locator("[data-testid='enrichment-problem'][data-service='omdb']");
            await Expect(problem.Locator("[data-testid='enrichment-problem-title']")).ToHaveTextAsync("Hostile " + Hostile + " \u00B7 OMDb \u00B7 Failed");
            await Expect(problem.Locator("[data-testid='enrichment-problem-message']")).ToHaveTextAsync("OMDb said: " + Hostile);
            await Expect(page.Locator("[data-testid='enrichment-run-row'] [data-col='failed']")).ToHaveTextAsync("OMDb: " + Hostile + " (2)");
            await Expect(page.Locator("#ApertureConfigPage img")).ToHaveCountAsync(0);
            await Expect(page.Locator("#ApertureConfigPage script")).ToHaveCountAsync(0);
            Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Shell_SendsJellyfinAuthHeader_AndPollingDropsAClearedAlert()
    {
        _chromium.EnsureAvailable();
        var alerts = new List<object> { Alert(3, "RateLimit", "Warning", "Slow down.") };
        var headers = new List<string>();
        var page = await OpenAsync(alerts, reason: "Works.", onApi: request => headers.Add(request.Headers.GetValueOrDefault("x-emby-authorization") ?? string.Empty));
        try
        {
            var alert = page.Locator("[data-testid='alert'][data-alert-kind='RateLimit']");
            await Expect(alert).ToHaveCountAsync(1);
            await Expect(alert).ToContainTextAsync("Rate limit");
            await Expect(alert).ToContainTextAsync("Warning");

            lock (alerts)
            {
                alerts.Clear();
            }

            await Expect(alert).ToHaveCountAsync(0);
            Assert.NotEmpty(headers);
            Assert.All(headers, h => Assert.Matches("^MediaBrowser .*Token=\"test-token\"$", h));
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Fact]
    public async Task Dashboard_Screenshot_WithEveryState()
    {
        _chromium.EnsureAvailable();
        var alerts = new List<object>
        {
            Alert(1, "Authentication", "Error", "OMDb refused the API key (\"Invalid API key!\").", "omdb", "OMDb", "Check the key in your OMDb account, then save it again."),
            Alert(2, "RateLimit", "Warning", "MDBList answered 429 Too Many Requests.", "mdblist", "MDBList", "Nothing to do: Aperture waits and retries."),
        };
        var all = new[]
        {
            Integration("ai", "AI provider", 1, "Connected to the OpenAI-compatible endpoint; model gpt-4o-mini available.", "Connected", "Essential", "Embeddings, recommendation explanations and the chat assistant."),
            Integration("tmdb", "TMDb", 2, "Connected; the last call succeeded.", "Connected", "Highly recommended", "Keywords, collections, cast and crew, images."),
            Integration("omdb", "OMDb", 3, "The API key was refused.", "Error", "Recommended", "Rotten Tomatoes and Metacritic scores, awards."),
            Integration("trakt", "Trakt", 4, "Enter a client id and secret to connect.", "NotConfigured", "Recommended", "Two-way ratings, watchlist, suggestions.", configured: false),
            Integration("mdblist", "MDBList", 5, "Works, but the service is rate limiting requests.", "Warning", "Optional", "Curated lists, popularity rankings, TV ratings."),
            Integration("seerr", "Jellyseerr", 6, "Enter the Jellyseerr URL and API key.", "NotConfigured", "Optional", "Discovery requests, availability, per-user permissions.", configured: false),
        };
        var page = await OpenAsync(alerts, reason: string.Empty, all: all);
        try
        {
            await Expect(page.Locator("[data-testid='alert']")).ToHaveCountAsync(2);
            var file = Path.Combine(AppContext.BaseDirectory, "dashboard-contract.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            Assert.True(new FileInfo(file).Length > 10_000);
            // APERTURE_CONTRACT_SCREENSHOT_DIR=docs/images writes the picture without needing the full dev host.
            if (Environment.GetEnvironmentVariable("APERTURE_CONTRACT_SCREENSHOT_DIR") is { Length: > 0 } dir)
            {
                Directory.CreateDirectory(dir);
                File.Copy(file, Path.Combine(dir, "dashboard.png"), overwrite: true);
            }
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private static object Alert(long id, string kind, string severity, string message, string service, string serviceName, string action) => new
    {
        Id = id,
        Service = service,
        ServiceName = serviceName,
        Kind = kind,
        Severity = severity,
        Message = message,
        Action = action,
        Count = 3,
        FirstSeen = DateTimeOffset.UtcNow.AddMinutes(-25),
        LastSeen = DateTimeOffset.UtcNow.AddMinutes(-1),
        ResetAt = (DateTimeOffset?)null,
    };

    private static object Alert(long id, string kind, string severity, string message) => new
    {
        Id = id,
        Service = "tmdb",
        ServiceName = "TMDb",
        Kind = kind,
        Severity = severity,
        Message = message,
        Action = "Wait for it.",
        Count = 2,
        FirstSeen = DateTimeOffset.UtcNow.AddMinutes(-5),
        LastSeen = DateTimeOffset.UtcNow,
        ResetAt = (DateTimeOffset?)null,
    };

    private static object Integration(string id, string name, int order, string reason, string status = "Warning", string priority = "Recommended", string purpose = "Purpose", bool configured = true) => new
    {
        Id = id,
        Name = name,
        SetupOrder = order,
        Priority = priority,
        Purpose = purpose,
        Status = status,
        Reason = reason,
        Configured = configured,
        Credentials = new[] { new { Name = "apiKey", Label = "API key", Required = true, Help = "From your " + name + " account settings.", Configured = configured, Mask = configured ? "\u2022\u2022\u2022\u20221a2b" : null } },
        Options = Array.Empty<object>(),
        BaseUrl = "https://api.example.com/",
        DefaultBaseUrl = "https://api.example.com/",
        Limits = new { RequestsPerWindow = 40, WindowSeconds = 10, WritesPerSecond = 0, DailyQuota = 1000, MaxConcurrency = 4, TimeoutSeconds = 10 },
        Budget = new { UsedInWindow = 12, WindowLimit = 40, UsedToday = 312, DailyQuota = 1000, PausedUntil = (DateTimeOffset?)null, Queued = 0 },
        LastSuccess = DateTimeOffset.UtcNow,
        LastErrorAt = (DateTimeOffset?)null,
        LastError = (string?)null,
        DependentFeatures = new[] { "Keywords" },
        SignUpUrl = "javascript:alert(1)",
    };

    // A finished run with failures and a deferral, and an item problem whose texts carry markup.
    private static object Enrichment() => new
    {
        Settings = new
        {
            CriticRating = true,
            KeywordTags = true,
            Collections = true,
            ExtraCrew = true,
            Awards = true,
            ScoreTags = false,
            Images = true,
            CriticSourceOrder = "mdblist,omdb",
            ImageLanguage = "en",
            FreshDays = 30,
            NotFoundDays = 7,
            RetryMinutes = 60,
        },
        Runs = new[]
        {
            new
            {
                Id = 4,
                StartedAt = DateTimeOffset.UtcNow.AddMinutes(-9),
                FinishedAt = (DateTimeOffset?)DateTimeOffset.UtcNow.AddMinutes(-8),
                Status = "completed",
                Summary = (object)new
                {
                    Total = 1240,
                    Due = 118,
                    Enriched = 97,
                    Unchanged = 1139,
                    FailedByReason = new System.Collections.Generic.Dictionary<string, int> { ["omdb: " + Hostile] = 2 },
                    DeferredByService = new System.Collections.Generic.Dictionary<string, int> { ["mdblist"] = 2 },
                    SkippedServices = new[] { "tmdb" },
                },
            },
        },
        Problems = new[]
        {
            new { ItemId = Guid.Parse("00000000-0000-4000-8000-000000000001"), ItemName = "Hostile " + Hostile, Service = "omdb", Status = "Failed", Message = "OMDb said: " + Hostile, NextDueAt = DateTimeOffset.UtcNow.AddHours(1) },
            new { ItemId = Guid.Parse("00000000-0000-4000-8000-000000000002"), ItemName = "Severance", Service = "mdblist", Status = "Deferred", Message = "MDBList's daily quota is spent; resumes after midnight UTC.", NextDueAt = DateTimeOffset.UtcNow.AddHours(6) },
        },
    };

    private static string Resource(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("Missing resource " + name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private async Task<IPage> OpenAsync(List<object> alerts, string reason, Action<IRequest>? onApi = null, object[]? all = null)
    {
        var shell = typeof(DevHostApp).Assembly;
        var plugin = typeof(Plugin).Assembly;
        var integrations = all ?? new[] { Integration("tmdb", "TMDb", 2, reason), Integration("ai", "AI provider", 1, "Fine.") };
        var page = await _chromium.Context.NewPageAsync();
        await page.AddInitScriptAsync("sessionStorage.setItem('aperture-dev-token', 'test-token');");
        await page.RouteAsync(Origin + "/**", async route =>
        {
            var url = new Uri(route.Request.Url);
            var path = url.AbsolutePath;
            var query = url.Query;
            (string Body, string Type)? answer = path switch
            {
                "/" => (Resource(shell, "Aperture.DevHost.Shell.index.html"), "text/html"),
                "/dev/shell/shell.js" => (Resource(shell, "Aperture.DevHost.Shell.shell.js"), "text/javascript"),
                "/dev/shell/shell.css" => (Resource(shell, "Aperture.DevHost.Shell.shell.css"), "text/css"),
                "/web/ConfigurationPage" or "/web/configurationpage" when query.EndsWith("=aperture", StringComparison.Ordinal) =>
                    (Resource(plugin, "Jellyfin.Plugin.Aperture.Configuration.configPage.html"), "text/html"),
                "/web/ConfigurationPage" or "/web/configurationpage" when query.EndsWith("=aperturejs", StringComparison.Ordinal) =>
                    (Resource(plugin, "Jellyfin.Plugin.Aperture.Configuration.configPage.js"), "text/javascript"),
                "/Aperture/Integrations" => (JsonSerializer.Serialize(integrations), "application/json"),
                "/Aperture/Alerts" => (Snapshot(alerts), "application/json"),
                "/Aperture/Enrichment" => (JsonSerializer.Serialize(Enrichment()), "application/json"),
                _ => null,
            };
            if (path.StartsWith("/Aperture/", StringComparison.Ordinal))
            {
                onApi?.Invoke(route.Request);
            }

            if (answer is { } a)
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, Body = a.Body, ContentType = a.Type });
            }
            else
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 404, Body = "{}", ContentType = "application/json" });
            }
        });
        await page.GotoAsync(Origin + "/#/configurationpage?name=aperture&pollSeconds=0.3");
        await page.Locator("[data-integration='tmdb'] [data-testid='status']").WaitForAsync();
        Assert.Equal(all is null ? new[] { "ai", "tmdb" } : new[] { "ai", "tmdb", "omdb", "trakt", "mdblist", "seerr" }, await page.Locator("[data-testid='integration']").EvaluateAllAsync<string[]>("c => c.map(x => x.getAttribute('data-integration'))"));
        Assert.True(await page.Locator("[data-integration='tmdb'] .apertureSignUp").IsHiddenAsync(), "a javascript: sign-up link must not be offered");
        return page;
    }

    private static string Snapshot(List<object> alerts)
    {
        lock (alerts)
        {
            return JsonSerializer.Serialize(alerts.ToList());
        }
    }
}
