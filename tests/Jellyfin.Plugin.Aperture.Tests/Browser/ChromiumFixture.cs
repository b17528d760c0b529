using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Browser;

/// <summary>
/// One headless Debian Chromium for the browser tests, driven by Playwright, with a fresh profile and no network
/// beyond 127.0.0.1. Playwright never downloads a browser here: when Chromium is missing the tests fail and say so.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>Upper bound for every wait in the browser tests.</summary>
    public const float TimeoutMs = 15_000;

    private readonly string _profile = Path.Combine(Path.GetTempPath(), "aperture-chromium-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public IBrowserContext Context { get; private set; } = null!;

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
        Context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Timeout = TimeoutMs,
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            ColorScheme = ColorScheme.Dark,
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
        Context.SetDefaultTimeout(TimeoutMs);
        Context.SetDefaultNavigationTimeout(TimeoutMs);

        // Nothing leaves the machine: any request not to 127.0.0.1 is refused.
        await Context.RouteAsync("**/*", async route =>
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
        if (_playwright is not null)
        {
            await Context.CloseAsync();
            _playwright.Dispose();
        }

        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
