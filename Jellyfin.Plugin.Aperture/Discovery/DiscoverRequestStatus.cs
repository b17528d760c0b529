namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>How a user's request ended; the names reach the user page.</summary>
public enum DiscoverRequestStatus
{
    /// <summary>Seerr created the request in the user's name.</summary>
    Requested,

    /// <summary>Already requested or available in Seerr.</summary>
    AlreadyRequested,

    /// <summary>The user has no Seerr account.</summary>
    NotMapped,

    /// <summary>The user's Seerr permissions or quota do not allow it.</summary>
    NotAllowed,

    /// <summary>Seerr is not set up, or could not be reached.</summary>
    Unavailable,

    /// <summary>The input was wrong (no such title, no TMDb id).</summary>
    Invalid,
}
