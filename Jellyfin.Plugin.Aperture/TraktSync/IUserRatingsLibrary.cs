using System;
using System.Collections.Generic;
using System.Threading;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// A user's ratings in Jellyfin, read and written on Trakt's scale, so the sync never holds a Jellyfin type.
/// </summary>
public interface IUserRatingsLibrary
{
    /// <summary>
    /// Reads every library movie and series with the user's rating.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <returns>The items; empty when the user no longer exists.</returns>
    IReadOnlyList<UserRatedItem> Read(Guid userId);

    /// <summary>
    /// Sets or clears a user's rating of an item. Done on Aperture's behalf, so it is not seen as a local change.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="itemId">The Jellyfin item id.</param>
    /// <param name="value">The rating 1–10 on Trakt's scale, or null to clear it.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>False when the user or item is gone.</returns>
    bool Apply(Guid userId, Guid itemId, int? value, CancellationToken cancellationToken);
}
