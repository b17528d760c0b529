using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Data.Enums;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Library;

namespace Aperture.DevHost.Library;

/// <summary>
/// Stand-in for Jellyfin's library manager over the in-memory sample library: enough of a query (types,
/// ids, provider ids, paging) for the plugin's adapters, and updates kept in memory.
/// </summary>
public sealed class DevLibraryManager : ILibraryManager
{
    private readonly object _lock = new();
    private readonly List<BaseItem> _items;
    private readonly Dictionary<Guid, IReadOnlyList<PersonInfo>> _people = new();

    public DevLibraryManager(IEnumerable<BaseItem> items)
    {
        _items = items.ToList();
    }

    public event EventHandler<ItemChangeEventArgs>? ItemAdded;

    public event EventHandler<ItemChangeEventArgs>? ItemUpdated;

    public event EventHandler<ItemChangeEventArgs>? ItemRemoved;

    public bool IsScanRunning => false;

    public IReadOnlyList<BaseItem> Items
    {
        get
        {
            lock (_lock)
            {
                return _items.ToList();
            }
        }
    }

    public BaseItem? GetItemById(Guid id)
    {
        lock (_lock)
        {
            return _items.FirstOrDefault(i => i.Id == id);
        }
    }

    public IReadOnlyList<BaseItem> GetItemList(InternalItemsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        IEnumerable<BaseItem> items = Items;
        if (query.IncludeItemTypes.Length > 0)
        {
            items = items.Where(i => query.IncludeItemTypes.Contains(i.GetBaseItemKind()));
        }

        if (query.ExcludeItemTypes.Length > 0)
        {
            items = items.Where(i => !query.ExcludeItemTypes.Contains(i.GetBaseItemKind()));
        }

        if (query.ItemIds.Length > 0)
        {
            items = items.Where(i => query.ItemIds.Contains(i.Id));
        }

        if (query.ExcludeItemIds.Length > 0)
        {
            items = items.Where(i => !query.ExcludeItemIds.Contains(i.Id));
        }

        if (query.IsVirtualItem is { } isVirtual)
        {
            items = items.Where(i => i.IsVirtualItem == isVirtual);
        }

        if (query.IsFolder is { } isFolder)
        {
            items = items.Where(i => (i is Folder) == isFolder);
        }

        items = FilterProvider(items, query.HasTmdbId, "Tmdb");
        items = FilterProvider(items, query.HasImdbId, "Imdb");
        items = FilterProvider(items, query.HasTvdbId, "Tvdb");
        if (query.HasAnyProviderId is { Count: > 0 } any)
        {
            items = items.Where(i => any.Any(p => i.ProviderIds.TryGetValue(p.Key, out var v) && string.Equals(v, p.Value, StringComparison.OrdinalIgnoreCase)));
        }

        if (query.Tags.Length > 0)
        {
            items = items.Where(i => i.Tags.Intersect(query.Tags, StringComparer.OrdinalIgnoreCase).Any());
        }

        if (query.ExcludeTags.Length > 0)
        {
            items = items.Where(i => !i.Tags.Intersect(query.ExcludeTags, StringComparer.OrdinalIgnoreCase).Any());
        }

        if (query.MinDateCreated is { } created)
        {
            items = items.Where(i => i.DateCreated >= created);
        }

        items = items.OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase);
        if (query.StartIndex is > 0)
        {
            items = items.Skip(query.StartIndex.Value);
        }

        if (query.Limit is >= 0)
        {
            items = items.Take(query.Limit.Value);
        }

        return items.ToList();
    }

    public int GetCount(InternalItemsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var start = query.StartIndex;
        var limit = query.Limit;
        query.StartIndex = null;
        query.Limit = null;
        try
        {
            return GetItemList(query).Count;
        }
        finally
        {
            query.StartIndex = start;
            query.Limit = limit;
        }
    }

    public Task UpdateItemAsync(BaseItem item, BaseItem parent, ItemUpdateType updateReason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.DateLastSaved = DateTime.UtcNow;
        ItemUpdated?.Invoke(this, new ItemChangeEventArgs { Item = item, Parent = parent, UpdateReason = updateReason });
        return Task.CompletedTask;
    }

    public IReadOnlyList<PersonInfo> GetPeople(BaseItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            return _people.TryGetValue(item.Id, out var people) ? people : Array.Empty<PersonInfo>();
        }
    }

    public Task UpdatePeopleAsync(BaseItem item, IReadOnlyList<PersonInfo> people, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            _people[item.Id] = people.ToList();
        }

        return Task.CompletedTask;
    }

    public void QueueLibraryScan()
    {
    }

    /// <summary>Adds an item, raising <see cref="ItemAdded"/> as Jellyfin does after a scan finds it.</summary>
    /// <param name="item">The item.</param>
    public void Add(BaseItem item)
    {
        lock (_lock)
        {
            _items.Add(item);
        }

        ItemAdded?.Invoke(this, new ItemChangeEventArgs { Item = item });
    }

    /// <summary>Removes an item, raising <see cref="ItemRemoved"/>.</summary>
    /// <param name="item">The item.</param>
    public void Remove(BaseItem item)
    {
        lock (_lock)
        {
            _items.Remove(item);
        }

        ItemRemoved?.Invoke(this, new ItemChangeEventArgs { Item = item });
    }

    private static IEnumerable<BaseItem> FilterProvider(IEnumerable<BaseItem> items, bool? wanted, string name) =>
        wanted is { } has ? items.Where(i => (i.ProviderIds.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v)) == has) : items;
}
