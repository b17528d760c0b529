namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>A Seerr user, as <c>GET /api/v1/user</c> lists it.</summary>
/// <param name="Id">Seerr's user id.</param>
/// <param name="JellyfinUserId">The Jellyfin user id Seerr stores (no dashes), when the user came from Jellyfin.</param>
/// <param name="Email">The email (Seerr fills it with the user name for Jellyfin users without one).</param>
/// <param name="Username">The local user name.</param>
/// <param name="JellyfinUsername">The Jellyfin user name Seerr stores.</param>
/// <param name="DisplayName">The name Seerr shows.</param>
/// <param name="Permissions">The permission bits.</param>
public sealed record SeerrUser(long Id, string? JellyfinUserId, string? Email, string? Username, string? JellyfinUsername, string? DisplayName, long Permissions)
{
    /// <summary>Gets the name to show for the user.</summary>
    public string Name => DisplayName ?? JellyfinUsername ?? Username ?? Email ?? "#" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
