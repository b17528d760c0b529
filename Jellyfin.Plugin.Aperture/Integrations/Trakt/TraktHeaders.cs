using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Integrations.Trakt;

/// <summary>
/// The headers every Trakt call carries. Names are lower-case because Cloudflare in front of Trakt refused
/// capitalised ones over HTTP/1.1; the User-Agent is set here because Cloudflare blocks requests without one.
/// </summary>
internal static class TraktHeaders
{
    /// <summary>The User-Agent Aperture sends to Trakt.</summary>
    public const string UserAgent = "Jellyfin.Plugin.Aperture/0.1";

    /// <summary>
    /// Builds the headers of an app-level call (no user token).
    /// </summary>
    /// <param name="clientId">The app's client id.</param>
    /// <returns>The headers.</returns>
    public static Dictionary<string, string> ForApp(string clientId) => new()
    {
        ["trakt-api-key"] = clientId,
        ["trakt-api-version"] = "2",
        ["User-Agent"] = UserAgent,
    };
}
