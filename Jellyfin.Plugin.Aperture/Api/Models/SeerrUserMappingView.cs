namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>One Jellyfin user's Seerr user, for the admin.</summary>
public sealed class SeerrUserMappingView
{
    /// <summary>Gets the Jellyfin user id.</summary>
    public required string UserId { get; init; }

    /// <summary>Gets the Jellyfin user name.</summary>
    public required string UserName { get; init; }

    /// <summary>Gets the Seerr user id, or null when none.</summary>
    public long? SeerrUserId { get; init; }

    /// <summary>Gets the Seerr user's name, or null when none.</summary>
    public string? SeerrUserName { get; init; }

    /// <summary>Gets how the match was made: None, JellyfinId, Email, Username, Override or Disabled.</summary>
    public required string Method { get; init; }
}
