namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>How a Jellyfin user was matched to a Seerr user; the names are shown to the admin.</summary>
public enum SeerrMatchMethod
{
    /// <summary>No Seerr user matched.</summary>
    None,

    /// <summary>Seerr stores this Jellyfin user's id (a user imported from Jellyfin).</summary>
    JellyfinId,

    /// <summary>The Seerr user's email equals the Jellyfin user name (Seerr's default email for Jellyfin users).</summary>
    Email,

    /// <summary>The Seerr user name or Jellyfin user name equals the Jellyfin user name.</summary>
    Username,

    /// <summary>The admin chose the Seerr user.</summary>
    Override,

    /// <summary>The admin chose that this user has no Seerr account.</summary>
    Disabled,
}
