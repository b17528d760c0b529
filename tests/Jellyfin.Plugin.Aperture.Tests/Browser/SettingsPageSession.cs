using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using Aperture.DevHost;
using Microsoft.Playwright;

namespace Jellyfin.Plugin.Aperture.Tests.Browser;

/// <summary>
/// One browser tab on the settings page of a fresh in-process dev host in demo mode (its own data folder,
/// its own emulators). The admin token is handed to the page shell through sessionStorage, never a URL, so
/// no failure message can echo it.
/// </summary>
public sealed class SettingsPageSession : IAsyncDisposable
{
    private readonly string _data;

    private SettingsPageSession(DevHostApp host, IPage page, HttpClient api, string data)
    {
        Host = host;
        Page = page;
        Api = api;
        _data = data;
    }

    public DevHostApp Host { get; }

    public IPage Page { get; }

    /// <summary>Gets an admin client for the dev host's API (setup and checks outside the page).</summary>
    public HttpClient Api { get; }

    public DemoEnvironment Demo => Host.Demo!;

    public static async Task<SettingsPageSession> OpenAsync(ChromiumFixture chromium)
    {
        chromium.EnsureAvailable();
        var data = Path.Combine(Path.GetTempPath(), "aperture-devhost-" + Guid.NewGuid().ToString("N"));
        var host = await DevHostApp.StartAsync(new DevHostOptions { Port = 0, DataPath = data, Demo = true });
        var api = new HttpClient { BaseAddress = new Uri(host.Url), Timeout = TimeSpan.FromSeconds(15) };
        api.DefaultRequestHeaders.Add("X-Emby-Token", host.AdminToken);
        var page = await chromium.Context.NewPageAsync();
        var session = new SettingsPageSession(host, page, api, data);
        try
        {
            await page.AddInitScriptAsync("sessionStorage.setItem('aperture-dev-token', " + JsonSerializer.Serialize(host.AdminToken) + ");");
            await session.ReloadAsync();
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        return session;
    }

    /// <summary>Opens (or re-opens) the page, polling every second so tests need not wait 15 s.</summary>
    public async Task ReloadAsync()
    {
        await Page.GotoAsync(Host.Url + "#/configurationpage?name=aperture&pollSeconds=1");
        await Page.Locator("[data-integration='tmdb'] [data-testid='status']").WaitForAsync();
    }

    public ILocator Card(string service) => Page.Locator("[data-integration='" + service + "']");

    public ILocator Badge(string service) => Card(service).Locator("[data-testid='status']");

    public ILocator Alerts(string service, string kind) =>
        Page.Locator("#apertureAlerts [data-testid='alert'][data-alert-service='" + service + "'][data-alert-kind='" + kind + "']");

    /// <summary>Gets an integration's credential field names (required ones first) from the admin API.</summary>
    public async Task<IReadOnlyList<(string Name, bool Required)>> CredentialFieldsAsync(string service)
    {
        using var doc = JsonDocument.Parse(await Api.GetStringAsync("Aperture/Integrations"));
        var integration = doc.RootElement.EnumerateArray().First(i => i.GetProperty("Id").GetString() == service);
        return integration.GetProperty("Credentials").EnumerateArray()
            .Select(c => (c.GetProperty("Name").GetString()!, c.GetProperty("Required").GetBoolean()))
            .OrderByDescending(c => c.Item2)
            .ToList();
    }

    /// <summary>Saves the emulator's demo credentials through the API (setup, not under test).</summary>
    public async Task SaveDemoCredentialsAsync(string service, string? key = null)
    {
        var emulator = Demo.Describe().First(e => e.Service == service);
        var fields = new Dictionary<string, string>();
        foreach (var (name, required) in await CredentialFieldsAsync(service))
        {
            if (required)
            {
                fields[name] = name.Contains("secret", StringComparison.OrdinalIgnoreCase) && emulator.DemoSecret is not null
                    ? emulator.DemoSecret
                    : key ?? emulator.DemoKey;
            }
        }

        using var response = await Api.PutAsJsonAsync("Aperture/Integrations/" + service + "/Credentials", new { Fields = fields });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Runs a stored connection test through the API, as a background job would hit the service.</summary>
    public async Task<JsonElement> TestThroughApiAsync(string service)
    {
        using var response = await Api.PostAsJsonAsync("Aperture/Integrations/" + service + "/Test", new { });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    /// <summary>Switches an emulator's fault mode through the dev host's dev endpoint.</summary>
    public async Task SetFaultAsync(string service, string mode)
    {
        using var response = await Api.PostAsync("dev/emulators/" + service + "/mode/" + mode, null);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await Page.CloseAsync();
        Api.Dispose();
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
