using System;

namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>
/// Builds Seerr API paths. Admins give the address they open in a browser (http://host:5055) and sometimes the API
/// address itself (…/api/v1); both work.
/// </summary>
internal static class SeerrApiPath
{
    /// <summary>
    /// Gets the path of an API endpoint relative to the base URL.
    /// </summary>
    /// <param name="baseUrl">The base URL the admin gave.</param>
    /// <param name="endpoint">The endpoint below /api/v1, e.g. "auth/me".</param>
    /// <returns>The relative path.</returns>
    public static string For(Uri baseUrl, string endpoint) =>
        baseUrl.AbsolutePath.TrimEnd('/').EndsWith("/api/v1", StringComparison.OrdinalIgnoreCase) ? endpoint : "api/v1/" + endpoint;
}
