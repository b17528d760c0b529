using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>The Jellyfin collections Top Picks keeps, found again by the id Aperture stored.</summary>
public interface ITopPicksCollections
{
    /// <summary>Gets a collection's members in their order.</summary>
    /// <param name="collectionId">The collection id.</param>
    /// <returns>The member item ids, or null when the collection no longer exists.</returns>
    IReadOnlyList<Guid>? GetMembers(Guid collectionId);

    /// <summary>Creates an empty collection.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Its id.</returns>
    Task<Guid> CreateAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Adds and removes members, then puts the members in the given order and names the collection.
    /// </summary>
    /// <param name="collectionId">The collection id.</param>
    /// <param name="name">The collection name.</param>
    /// <param name="toAdd">Members to add.</param>
    /// <param name="toRemove">Members to remove.</param>
    /// <param name="order">Every member, in the order users should see them.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task.</returns>
    Task ApplyAsync(Guid collectionId, string name, IReadOnlyList<Guid> toAdd, IReadOnlyList<Guid> toRemove, IReadOnlyList<Guid> order, CancellationToken cancellationToken);
}
