using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Tests.Browser;
using Microsoft.Playwright;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// The admin in real jellyfin-web: a fresh browser context, signed in through jellyfin-web's own login form, on
/// Aperture's settings page. Page errors and console errors raised by Aperture's scripts are collected.
/// </summary>
public sealed class JellyfinWebSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = new();

    private JellyfinWebSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _errors.Add("page error: " + error);
        page.Console += (_, message) =>
        {
            // Our page and its module are served from /web/configurationpage?name=aperture(js).
            if (message.Type == "error" && (message.Location?.Contains("configurationpage", StringComparison.OrdinalIgnoreCase) == true
                || message.Text.Contains("aperture", StringComparison.OrdinalIgnoreCase)))
            {
                _errors.Add("console error: " + message.Text + " (" + message.Location + ")");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Gets the page errors, and the console errors of Aperture's scripts, since the page was last opened.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Signs the admin in through jellyfin-web and opens Aperture's settings page.</summary>
    /// <param name="chromium">The browser.</param>
    /// <returns>The session.</returns>
    public static async Task<JellyfinWebSession> OpenAsync(ChromiumFixture chromium)
    {
        var context = await chromium.NewContextAsync();
        var session = new JellyfinWebSession(context, await context.NewPageAsync());
        try
        {
            await session.SignInAsync();
            await session.OpenSettingsAsync();
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        return session;
    }

    /// <summary>Opens (or re-opens) the settings page through jellyfin-web's router, polling every second.</summary>
    /// <returns>A task.</returns>
    public async Task OpenSettingsAsync()
    {
        // A full load straight into the page (as a bookmark would), so every error counted from here on happened
        // while jellyfin-web showed Aperture's page, not while it tore down the home screen it had just started.
        await Page.GotoAsync("about:blank");
        _errors.Clear();
        await Page.GotoAsync(JellyfinServer.Url + "/web/#/configurationpage?name=aperture&pollSeconds=1");
        await Page.Locator("[data-integration='tmdb'] [data-testid='status']").WaitForAsync();
    }

    public ILocator Card(string service) => Page.Locator("#ApertureConfigPage [data-integration='" + service + "']");

    public ILocator Badge(string service) => Card(service).Locator("[data-testid='status']");

    public ILocator Alerts(string service, string kind) =>
        Page.Locator("#apertureAlerts [data-testid='alert'][data-alert-service='" + service + "'][data-alert-kind='" + kind + "']");

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private Task SignInAsync() => JellyfinWebLogin.SignInAsync(Page, JellyfinServer.AdminName, JellyfinServer.AdminPassword);
}
