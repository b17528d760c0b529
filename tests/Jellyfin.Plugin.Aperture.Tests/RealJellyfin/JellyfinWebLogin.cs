using System;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>Signs a user in through jellyfin-web's own login form, as a person would.</summary>
public static class JellyfinWebLogin
{
    /// <summary>Opens jellyfin-web's login page, fills the manual form and waits until jellyfin-web leaves it.</summary>
    /// <param name="page">The browser tab.</param>
    /// <param name="name">The user name.</param>
    /// <param name="password">The password.</param>
    /// <returns>A task.</returns>
    public static async Task SignInAsync(IPage page, string name, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(JellyfinServer.Url + "/web/#/login");

        // jellyfin-web shows the manual form, or the user cards with a "Manual login" button, and may switch between
        // them while it loads; keep going until the form is there (bounded).
        var nameInput = page.Locator("#txtManualName");
        for (var attempt = 0; !await nameInput.IsVisibleAsync(); attempt++)
        {
            if (attempt == 60)
            {
                throw new TimeoutException("jellyfin-web never showed its login form.");
            }

            var manual = page.Locator(".btnManual:visible");
            if (await manual.CountAsync() > 0)
            {
                try
                {
                    await manual.First.ClickAsync(new LocatorClickOptions { Timeout = 1000 });
                }
                catch (TimeoutException)
                {
                }
            }

            await Task.Delay(250);
        }

        await nameInput.FillAsync(name);
        await page.Locator("#txtManualPassword").FillAsync(password);
        await page.Locator(".manualLoginForm button[type='submit']").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("login", StringComparison.OrdinalIgnoreCase));
    }
}
