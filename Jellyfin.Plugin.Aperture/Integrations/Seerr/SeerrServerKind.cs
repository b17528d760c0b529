namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>Which request manager answers: the three share the API but differ in status values.</summary>
public enum SeerrServerKind
{
    /// <summary>Overseerr (sct/overseerr): Plex only, media status 1–5 (some builds add 6 = deleted).</summary>
    Overseerr,

    /// <summary>Jellyseerr (Fallenbagel/jellyseerr), versions before 3: adds 6 = blacklisted, 7 = deleted.</summary>
    Jellyseerr,

    /// <summary>Seerr (seerr-team/seerr), the merged project from version 3: 6 = blocklisted, 7 = deleted.</summary>
    Seerr,
}
