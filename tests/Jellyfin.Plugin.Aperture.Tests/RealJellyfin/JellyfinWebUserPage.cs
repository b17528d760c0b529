using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Tests.Browser;
using Microsoft.Playwright;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// Aperture's user page in a fresh browser context: optionally signed in as a user through jellyfin-web's own login
/// form first (so the page finds the sign-in jellyfin-web itself stored), then /Aperture/UserPage opened. Page errors
/// and console errors are collected.
/// </summary>
public sealed class JellyfinWebUserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = new();

    private JellyfinWebUserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _errors.Add("page error: " + error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Location?.Contains("Aperture", StringComparison.OrdinalIgnoreCase) == true
                || message.Text.Contains("aperture", StringComparison.OrdinalIgnoreCase)))
            {
                _errors.Add("console error: " + message.Text + " (" + message.Location + ")");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>Gets the errors seen on the user page.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public ILocator State => Page.Locator("[data-testid='trakt-state']");

    /// <summary>Opens the user page, signed in through jellyfin-web as the given user, or not signed in at all.</summary>
    /// <param name="chromium">The browser.</param>
    /// <param name="user">The user, or null for a browser that never signed in.</param>
    /// <returns>The page.</returns>
    public static async Task<JellyfinWebUserPage> OpenAsync(ChromiumFixture chromium, JellyfinUserAccount? user)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        var context = await chromium.NewContextAsync();
        var session = new JellyfinWebUserPage(context, await context.NewPageAsync());
        try
        {
            if (user is not null)
            {
                await session.SignInAsync(user.Name, user.Password);
            }

            await session.Page.GotoAsync("about:blank");
            session._errors.Clear();
            await session.Page.GotoAsync(JellyfinServer.Url + "/Aperture/UserPage");
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        return session;
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private Task SignInAsync(string name, string password) => JellyfinWebLogin.SignInAsync(Page, name, password);
}
