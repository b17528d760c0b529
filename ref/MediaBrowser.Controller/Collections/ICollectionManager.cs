using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Model.Entities;

namespace MediaBrowser.Controller.Collections;

/// <summary>Declaration of Jellyfin's ICollectionManager (subset: the plugin only consumes it).</summary>
public interface ICollectionManager
{
    Task<BoxSet> CreateCollectionAsync(CollectionCreationOptions options);

    Task AddToCollectionAsync(Guid collectionId, IEnumerable<Guid> itemIds);

    Task RemoveFromCollectionAsync(Guid collectionId, IEnumerable<Guid> itemIds);
}

/// <summary>Declaration of Jellyfin's CollectionCreationOptions.</summary>
public class CollectionCreationOptions : IHasProviderIds
{
    public CollectionCreationOptions()
    {
        ProviderIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        ItemIdList = Array.Empty<string>();
        UserIds = Array.Empty<Guid>();
    }

    public string? Name { get; set; }

    public Guid? ParentId { get; set; }

    public bool IsLocked { get; set; }

    public Dictionary<string, string> ProviderIds { get; set; }

    public IReadOnlyList<string> ItemIdList { get; set; }

    public IReadOnlyList<Guid> UserIds { get; set; }
}
