using System;

namespace Jellyfin.Plugin.Aperture.Integrations.Trakt;

/// <summary>
/// Where Trakt's OAuth calls go. Trakt requires every OAuth request on https://auth.trakt.tv, not on the API host;
/// any other base URL (an emulator, a proxy) serves both, so OAuth calls stay on it.
/// </summary>
internal static class TraktHosts
{
    private static readonly Uri _auth = new("https://auth.trakt.tv");

    /// <summary>
    /// Gets the OAuth base URL for an API base URL.
    /// </summary>
    /// <param name="apiBase">The API base URL.</param>
    /// <returns>The OAuth base URL.</returns>
    public static Uri OAuthBase(Uri apiBase) =>
        apiBase.Host.Equals("api.trakt.tv", StringComparison.OrdinalIgnoreCase) ? _auth : apiBase;
}
