namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>What Seerr says about a title, in Aperture's words (Seerr's MediaStatus, mapped per server kind).</summary>
public enum SeerrAvailability
{
    /// <summary>Seerr knows nothing about it (status 1, no media info, or a value this version of Aperture does not know).</summary>
    Unknown,

    /// <summary>Requested, waiting for approval.</summary>
    Pending,

    /// <summary>Approved, being downloaded.</summary>
    Processing,

    /// <summary>Some seasons are available.</summary>
    PartlyAvailable,

    /// <summary>Available.</summary>
    Available,

    /// <summary>On Seerr's blocklist: nobody can request it.</summary>
    Blocklisted,

    /// <summary>Was available, then deleted from the media server.</summary>
    Deleted,
}
