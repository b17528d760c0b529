using System;
using System.Collections.Generic;
using Jellyfin.Data.Enums;
using Jellyfin.Database.Implementations.Entities;
using Jellyfin.Database.Implementations.Enums;

namespace MediaBrowser.Controller.Entities;

/// <summary>Declaration of Jellyfin's InternalItemsQuery (subset of properties).</summary>
public class InternalItemsQuery
{
    public InternalItemsQuery()
    {
        IncludeItemTypes = Array.Empty<BaseItemKind>();
        ExcludeItemTypes = Array.Empty<BaseItemKind>();
        ItemIds = Array.Empty<Guid>();
        ExcludeItemIds = Array.Empty<Guid>();
        Tags = Array.Empty<string>();
        ExcludeTags = Array.Empty<string>();
        OrderBy = Array.Empty<(ItemSortBy, SortOrder)>();
        EnableTotalRecordCount = true;
    }

    public InternalItemsQuery(User? user)
        : this()
    {
        User = user;
    }

    public bool Recursive { get; set; }

    public int? StartIndex { get; set; }

    public int? Limit { get; set; }

    public User? User { get; set; }

    public Guid ParentId { get; set; }

    public BaseItemKind[] IncludeItemTypes { get; set; }

    public BaseItemKind[] ExcludeItemTypes { get; set; }

    public bool? IsVirtualItem { get; set; }

    public bool? IsPlayed { get; set; }

    public bool? IsFolder { get; set; }

    public Guid[] ItemIds { get; set; }

    public Guid[] ExcludeItemIds { get; set; }

    public bool? HasImdbId { get; set; }

    public bool? HasTmdbId { get; set; }

    public bool? HasTvdbId { get; set; }

    public Dictionary<string, string>? HasAnyProviderId { get; set; }

    public Dictionary<string, string>? ExcludeProviderIds { get; set; }

    public string[] Tags { get; set; }

    public string[] ExcludeTags { get; set; }

    public DateTime? MinDateCreated { get; set; }

    public DateTime? MinDateLastSaved { get; set; }

    public IReadOnlyList<(ItemSortBy OrderBy, SortOrder SortOrder)> OrderBy { get; set; }

    public bool EnableTotalRecordCount { get; set; }

    public void SetUser(User user) => User = user;
}
