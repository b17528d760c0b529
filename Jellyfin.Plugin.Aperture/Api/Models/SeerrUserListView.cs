using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>The mapping table for the admin: each Jellyfin user's match, and the Seerr users to choose from.</summary>
public sealed class SeerrUserListView
{
    /// <summary>Gets each Jellyfin user's match.</summary>
    public required IReadOnlyList<SeerrUserMappingView> Users { get; init; }

    /// <summary>Gets the Seerr users (id → name).</summary>
    public required IReadOnlyDictionary<string, string> SeerrUsers { get; init; }
}
