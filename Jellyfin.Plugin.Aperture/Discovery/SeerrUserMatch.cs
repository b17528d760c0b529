using System;
using System.Collections.Generic;
using System.Linq;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;

namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>A Jellyfin user's Seerr user and how it was found.</summary>
/// <param name="User">The Seerr user, or null when none.</param>
/// <param name="Method">How it was found.</param>
public sealed record SeerrUserMatch(SeerrUser? User, SeerrMatchMethod Method)
{
    /// <summary>
    /// Finds a Jellyfin user's Seerr user: an admin's choice first, then the Jellyfin id Seerr stores, then email, then
    /// user name. A step that matches more than one Seerr user matches none, so a request is never credited to a guess.
    /// </summary>
    /// <param name="jellyfinUserId">The Jellyfin user id.</param>
    /// <param name="jellyfinName">The Jellyfin user name.</param>
    /// <param name="seerrUsers">Every Seerr user.</param>
    /// <param name="chosen">The admin's choice: a Seerr user id, 0 for "no Seerr account", or null for automatic.</param>
    /// <returns>The match.</returns>
    public static SeerrUserMatch Find(Guid jellyfinUserId, string jellyfinName, IReadOnlyList<SeerrUser> seerrUsers, long? chosen)
    {
        ArgumentNullException.ThrowIfNull(seerrUsers);
        if (chosen is { } choice)
        {
            return choice == 0
                ? new SeerrUserMatch(null, SeerrMatchMethod.Disabled)
                : new SeerrUserMatch(seerrUsers.FirstOrDefault(u => u.Id == choice), SeerrMatchMethod.Override);
        }

        var id = jellyfinUserId.ToString("N");
        var steps = new (SeerrMatchMethod Method, Func<SeerrUser, bool> Matches)[]
        {
            (SeerrMatchMethod.JellyfinId, u => Same(u.JellyfinUserId?.Replace("-", string.Empty, StringComparison.Ordinal), id)),
            (SeerrMatchMethod.Email, u => Same(u.Email, jellyfinName)),
            (SeerrMatchMethod.Username, u => Same(u.Username, jellyfinName) || Same(u.JellyfinUsername, jellyfinName)),
        };
        foreach (var (method, matches) in steps)
        {
            var found = seerrUsers.Where(matches).Take(2).ToList();
            if (found.Count == 1)
            {
                return new SeerrUserMatch(found[0], method);
            }
        }

        return new SeerrUserMatch(null, SeerrMatchMethod.None);
    }

    private static bool Same(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && string.Equals(a.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
