using System;
using System.Globalization;

namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>Tells the three apart from their public answers.</summary>
public static class SeerrServerKinds
{
    /// <summary>
    /// Detects the kind. Overseerr's public settings carry no <c>mediaServerType</c> (it knows only Plex); Jellyseerr
    /// and Seerr do, and Seerr continued Jellyseerr's numbering from 3.0.
    /// </summary>
    /// <param name="version">The version from <c>GET /api/v1/status</c>, e.g. "2.7.3" or "v3.1.0".</param>
    /// <param name="hasMediaServerType">Whether <c>GET /api/v1/settings/public</c> reports a media server type.</param>
    /// <returns>The kind.</returns>
    public static SeerrServerKind Detect(string? version, bool hasMediaServerType)
    {
        if (!hasMediaServerType)
        {
            return SeerrServerKind.Overseerr;
        }

        var text = (version ?? string.Empty).TrimStart('v', 'V');
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var major = dot > 0 ? text[..dot] : text;
        return int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 3
            ? SeerrServerKind.Seerr
            : SeerrServerKind.Jellyseerr;
    }
}
