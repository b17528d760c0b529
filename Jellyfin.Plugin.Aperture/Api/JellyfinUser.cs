using System;
using System.Security.Claims;

namespace Jellyfin.Plugin.Aperture.Api;

/// <summary>
/// Reads the signed-in Jellyfin user from a request. Jellyfin's own <c>GetUserId()</c> extension lives in
/// Jellyfin.Api, which plugins do not reference, so this reads the same claim Jellyfin's authentication handler sets.
/// </summary>
internal static class JellyfinUser
{
    /// <summary>The claim Jellyfin puts the user id in (Jellyfin.Api.Constants.InternalClaimTypes.UserId).</summary>
    public const string UserIdClaim = "Jellyfin-UserId";

    /// <summary>
    /// Gets the id of the user who made the request.
    /// </summary>
    /// <param name="principal">The request's user.</param>
    /// <param name="userId">The user id.</param>
    /// <returns>False for a request with no user: an API key carries an empty id, and acts for nobody here.</returns>
    public static bool TryGetUserId(ClaimsPrincipal? principal, out Guid userId)
    {
        userId = Guid.Empty;
        var value = principal?.FindFirst(UserIdClaim)?.Value;
        return Guid.TryParse(value, out userId) && userId != Guid.Empty;
    }
}
