using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;

namespace Jellyfin.Plugin.Aperture.Tests.RealJellyfin;

/// <summary>
/// A Jellyfin user who is not an administrator, created through Jellyfin's own API as an admin would, with its own
/// signed-in API client (the same Authorization header jellyfin-web sends; 12.0 refuses X-Emby-Token).
/// </summary>
public sealed class JellyfinUserAccount : IDisposable
{
    private JellyfinUserAccount(string name, string password, string userId, HttpClient api)
    {
        Name = name;
        Password = password;
        UserId = userId;
        Api = api;
    }

    public string Name { get; }

    public string Password { get; }

    public string UserId { get; }

    /// <summary>Gets a client signed in as this user.</summary>
    public HttpClient Api { get; }

    /// <summary>Creates the user (or reuses it when an earlier test made it) and signs it in.</summary>
    /// <param name="server">The server, with the admin signed in.</param>
    /// <param name="name">The user name.</param>
    /// <param name="password">The password.</param>
    /// <returns>The signed-in user.</returns>
    public static async Task<JellyfinUserAccount> CreateAsync(JellyfinServer server, string name, string password)
    {
        ArgumentNullException.ThrowIfNull(server);
        var exists = false;
        foreach (var user in (await server.GetJsonAsync("Users")).EnumerateArray())
        {
            exists |= user.GetProperty("Name").GetString() == name;
        }

        if (!exists)
        {
            using var created = await server.Api.PostAsJsonAsync("Users/New", new { Name = name, Password = password });
            created.EnsureSuccessStatusCode();
        }

        var api = new HttpClient { BaseAddress = new Uri(JellyfinServer.Url + "/"), Timeout = TimeSpan.FromSeconds(60) };
        const string Client = "MediaBrowser Client=\"Aperture tests\", Device=\"CI\", DeviceId=\"aperture-real-jellyfin-user\", Version=\"1.0\"";
        api.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", Client);
        using var response = await api.PostAsJsonAsync("Users/AuthenticateByName", new { Username = name, Pw = password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            api.Dispose();
            throw new HttpRequestException("Signing in " + name + " answered " + (int)response.StatusCode);
        }

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = doc.RootElement.GetProperty("AccessToken").GetString();
        var userId = doc.RootElement.GetProperty("User").GetProperty("Id").GetString()!;
        api.DefaultRequestHeaders.Remove("Authorization");
        api.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", Client + ", Token=\"" + token + "\"");
        return new JellyfinUserAccount(name, password, userId, api);
    }

    public void Dispose() => Api.Dispose();
}
