namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>
/// What a user chose beyond the title and seasons: the server, quality profile and root folder (only for users Seerr
/// allows advanced requests) and 4K (only for users Seerr allows 4K requests). Null fields mean Seerr's defaults.
/// </summary>
/// <param name="ServerId">The Radarr/Sonarr server as Seerr numbers it.</param>
/// <param name="ProfileId">The quality profile.</param>
/// <param name="RootFolder">The root folder.</param>
/// <param name="Is4k">True to request in 4K.</param>
public sealed record SeerrRequestOptions(long? ServerId, long? ProfileId, string? RootFolder, bool Is4k)
{
    /// <summary>Gets a value indicating whether the user chose a server, profile or folder.</summary>
    public bool IsAdvanced => ServerId is not null || ProfileId is not null || !string.IsNullOrEmpty(RootFolder);
}
