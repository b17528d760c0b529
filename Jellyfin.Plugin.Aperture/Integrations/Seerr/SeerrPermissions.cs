namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>The Seerr permission bits Aperture checks (values from Seerr's permission bitmask).</summary>
internal static class SeerrPermissions
{
    /// <summary>Every permission.</summary>
    public const long Admin = 2;

    /// <summary>May act for other users.</summary>
    public const long ManageUsers = 8;

    /// <summary>May manage requests, including on behalf of others.</summary>
    public const long ManageRequests = 16;

    /// <summary>
    /// Tells whether a user may create requests on behalf of others, which Aperture does for each Jellyfin user.
    /// </summary>
    /// <param name="permissions">The user's permission bits.</param>
    /// <returns>True when allowed.</returns>
    public static bool CanRequestForOthers(long permissions) =>
        (permissions & (Admin | ManageUsers | ManageRequests)) != 0;
}
