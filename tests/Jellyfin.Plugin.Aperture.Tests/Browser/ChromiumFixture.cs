using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Browser;

/// <summary>
/// One headless Debian Chromium for the browser tests, driven by Playwright, with no network beyond 127.0.0.1. Each
/// test opens its own context (fresh cookies and storage, as a new browser profile would have). Playwright never
/// downloads a browser here: when Chromium is missing the tests say so.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>Upper bound for every wait in the browser tests.</summary>
    public const float TimeoutMs = 15_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Gets why Chromium could not start, or null.</summary>
    public string? Problem { get; private set; }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("APERTURE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Problem = "Chromium was not found at " + ChromiumPath + ". Install Debian's package (apt-get install -y chromium) "
                + "or set APERTURE_CHROMIUM; the browser tests never download a browser.";
            return;
        }

        Assertions.SetDefaultExpectTimeout(TimeoutMs);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = TimeoutMs,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    /// <summary>Opens a fresh context: its own cookies and storage, and no request beyond 127.0.0.1.</summary>
    /// <returns>The context; the caller closes it.</returns>
    public async Task<IBrowserContext> NewContextAsync()
    {
        EnsureAvailable();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            ColorScheme = ColorScheme.Dark,

            // jellyfin-web announces new library items with a browser notification a while after a scan; without the
            // permission a user would have granted, that throws a page error in whichever test has a page open then.
            Permissions = ["notifications"],
        });
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);

        // Nothing leaves the machine: any request not to 127.0.0.1 is refused.
        await context.RouteAsync("**/*", async route =>
        {
            if (Uri.TryCreate(route.Request.Url, UriKind.Absolute, out var url) && (url.Host == "127.0.0.1" || url.Scheme is "data" or "blob"))
            {
                await route.FallbackAsync();
            }
            else
            {
                await route.AbortAsync("blockedbyclient");
            }
        });
        return context;
    }

    /// <summary>Fails the calling test with a clear message when Chromium is not available.</summary>
    public void EnsureAvailable()
    {
        if (Problem is not null)
        {
            Assert.Fail(Problem);
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
