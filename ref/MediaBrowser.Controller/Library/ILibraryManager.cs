using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MediaBrowser.Controller.Entities;

namespace MediaBrowser.Controller.Library;

/// <summary>Declaration of Jellyfin's ILibraryManager (subset: the plugin only consumes it).</summary>
public interface ILibraryManager
{
    event EventHandler<ItemChangeEventArgs>? ItemAdded;

    event EventHandler<ItemChangeEventArgs>? ItemUpdated;

    event EventHandler<ItemChangeEventArgs>? ItemRemoved;

    bool IsScanRunning { get; }

    BaseItem? GetItemById(Guid id);

    IReadOnlyList<BaseItem> GetItemList(InternalItemsQuery query);

    int GetCount(InternalItemsQuery query);

    Task UpdateItemAsync(BaseItem item, BaseItem parent, ItemUpdateType updateReason, CancellationToken cancellationToken);

    IReadOnlyList<PersonInfo> GetPeople(BaseItem item);

    Task UpdatePeopleAsync(BaseItem item, IReadOnlyList<PersonInfo> people, CancellationToken cancellationToken);

    void QueueLibraryScan();
}
