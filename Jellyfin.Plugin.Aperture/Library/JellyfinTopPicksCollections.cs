using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Data.Enums;
using Jellyfin.Plugin.Aperture.TopPicks;
using MediaBrowser.Controller.Collections;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Entities;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// Top Picks collections in Jellyfin. Members are added and removed through <see cref="ICollectionManager"/> (so
/// Jellyfin's own events fire); then the collection's linked children are put in rank order and its display order
/// set to "Default". A BoxSet sorts its children by <c>DisplayOrder</c> (new collections: PremiereDate); "Default"
/// returns them in linked-children order, which is how the list's rank reaches the user (10.11 and 12.0 alike).
/// The collection is created locked ("Lock data"): Jellyfin's metadata refresh, which the collection manager queues
/// after every change, merges a fresh BoxSet (DisplayOrder PremiereDate) over an unlocked one and so undid the order
/// in the real server; a locked item is left as it is.
/// </summary>
public sealed class JellyfinTopPicksCollections : ITopPicksCollections
{
    private readonly ICollectionManager _collections;
    private readonly ILibraryManager _libraryManager;

    /// <summary>
    /// Initializes a new instance of the <see cref="JellyfinTopPicksCollections"/> class.
    /// </summary>
    /// <param name="collections">Jellyfin's collection manager.</param>
    /// <param name="libraryManager">Jellyfin's library manager.</param>
    public JellyfinTopPicksCollections(ICollectionManager collections, ILibraryManager libraryManager)
    {
        _collections = collections;
        _libraryManager = libraryManager;
    }

    /// <inheritdoc />
    public IReadOnlyList<Guid>? GetMembers(Guid collectionId) =>
        _libraryManager.GetItemById(collectionId) is BoxSet boxSet ? boxSet.GetLinkedChildren().Select(i => i.Id).ToList() : null;

    /// <inheritdoc />
    public async Task<Guid> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var boxSet = await _collections.CreateCollectionAsync(new CollectionCreationOptions { Name = name, IsLocked = true }).ConfigureAwait(false);
        boxSet.DisplayOrder = nameof(ItemSortBy.Default);
        await boxSet.UpdateToRepositoryAsync(ItemUpdateType.MetadataEdit, cancellationToken).ConfigureAwait(false);
        return boxSet.Id;
    }

    /// <inheritdoc />
    public async Task ApplyAsync(Guid collectionId, string name, IReadOnlyList<Guid> toAdd, IReadOnlyList<Guid> toRemove, IReadOnlyList<Guid> order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(toAdd);
        ArgumentNullException.ThrowIfNull(toRemove);
        ArgumentNullException.ThrowIfNull(order);

        // An item deleted from the library since the plan was made is skipped rather than failing the whole add.
        var adds = toAdd.Where(id => _libraryManager.GetItemById(id) is not null).ToList();
        if (adds.Count > 0)
        {
            await _collections.AddToCollectionAsync(collectionId, adds).ConfigureAwait(false);
        }

        if (toRemove.Count > 0)
        {
            await _collections.RemoveFromCollectionAsync(collectionId, toRemove).ConfigureAwait(false);
        }

        if (_libraryManager.GetItemById(collectionId) is not BoxSet boxSet)
        {
            return;
        }

        var position = order.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var linked = boxSet.LinkedChildren
            .Select((child, i) => (child, i, Id: IdOf(child)))
            .OrderBy(c => c.Id is { } id && position.TryGetValue(id, out var p) ? p : order.Count + c.i)
            .Select(c => c.child)
            .ToArray();
        var rename = !string.Equals(boxSet.Name, name, StringComparison.Ordinal);
        var reorder = !linked.SequenceEqual(boxSet.LinkedChildren) || boxSet.DisplayOrder != nameof(ItemSortBy.Default) || !boxSet.IsLocked;
        if (!rename && !reorder)
        {
            return;
        }

        boxSet.LinkedChildren = linked;
        boxSet.DisplayOrder = nameof(ItemSortBy.Default);
        boxSet.IsLocked = true;
        boxSet.Name = name;
        await boxSet.UpdateToRepositoryAsync(ItemUpdateType.MetadataEdit, cancellationToken).ConfigureAwait(false);
    }

    // 10.11 links children by path (12.0 by item id); either way the id is what the plan speaks.
    private Guid? IdOf(LinkedChild child)
    {
        if (child.ItemId is { } id && !id.Equals(Guid.Empty))
        {
            return id;
        }

        if (!string.IsNullOrEmpty(child.LibraryItemId) && Guid.TryParse(child.LibraryItemId, out var libraryId))
        {
            return libraryId;
        }

        return string.IsNullOrEmpty(child.Path) ? null : _libraryManager.FindByPath(child.Path, false)?.Id;
    }
}
