namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>The Seerr permission bits Aperture checks (values from Seerr's permission bitmask).</summary>
public static class SeerrPermissions
{
    /// <summary>Every permission.</summary>
    public const long Admin = 2;

    /// <summary>May act for other users.</summary>
    public const long ManageUsers = 8;

    /// <summary>May manage requests, including on behalf of others.</summary>
    public const long ManageRequests = 16;

    /// <summary>May request movies and series.</summary>
    public const long Request = 32;

    /// <summary>Requests are approved at once.</summary>
    public const long AutoApprove = 128;

    /// <summary>Movie requests are approved at once.</summary>
    public const long AutoApproveMovie = 256;

    /// <summary>Series requests are approved at once.</summary>
    public const long AutoApproveTv = 512;

    /// <summary>May request in 4K.</summary>
    public const long Request4k = 1024;

    /// <summary>May request movies in 4K.</summary>
    public const long Request4kMovie = 2048;

    /// <summary>May request series in 4K.</summary>
    public const long Request4kTv = 4096;

    /// <summary>May choose the server, quality profile and root folder of a request.</summary>
    public const long RequestAdvanced = 131072;

    /// <summary>May request movies.</summary>
    public const long RequestMovie = 262144;

    /// <summary>May request series.</summary>
    public const long RequestTv = 524288;

    /// <summary>
    /// Tells whether the bits grant any of the permissions, as Seerr checks them: Admin grants everything.
    /// </summary>
    /// <param name="permissions">The user's bits.</param>
    /// <param name="any">The permissions, any of which is enough.</param>
    /// <returns>True when granted.</returns>
    public static bool HasAny(long permissions, long any) => (permissions & (Admin | any)) != 0;

    /// <summary>
    /// Tells whether a user may create requests on behalf of others, which Aperture does for each Jellyfin user.
    /// </summary>
    /// <param name="permissions">The user's permission bits.</param>
    /// <returns>True when allowed.</returns>
    public static bool CanRequestForOthers(long permissions) =>
        (permissions & (Admin | ManageUsers | ManageRequests)) != 0;
}
