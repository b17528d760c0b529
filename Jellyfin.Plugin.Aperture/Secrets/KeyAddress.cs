using System;

namespace Jellyfin.Plugin.Aperture.Secrets;

/// <summary>
/// Where a saved key may be sent: only to the base URL it was saved with. Any other address (another host, port,
/// scheme or path) needs the key typed again, so whoever can change a URL cannot collect the saved key with it.
/// </summary>
internal static class KeyAddress
{
    /// <summary>
    /// Tells whether two base URLs are the same address. Scheme and host letter case, a default port and a trailing
    /// slash do not make a new address; everything else does.
    /// </summary>
    /// <param name="saved">The address the key was saved for, or null when there is none.</param>
    /// <param name="other">The address a call or a setting wants.</param>
    /// <returns>True when the saved key may go to <paramref name="other"/>.</returns>
    public static bool IsSame(Uri? saved, Uri? other) =>
        saved is null || other is null
            ? saved is null && other is null
            : string.Equals(Normal(saved), Normal(other), StringComparison.Ordinal);

    private static string Normal(Uri url) =>
        url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
}
