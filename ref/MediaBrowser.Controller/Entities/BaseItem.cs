using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Data.Enums;
using MediaBrowser.Controller.Library;
using MediaBrowser.Controller.Providers;
using MediaBrowser.Model.Entities;

namespace MediaBrowser.Controller.Entities;

/// <summary>
/// Declaration of Jellyfin's BaseItem (subset of members; interfaces only consumed by Jellyfin left out).
/// Bodies are plain storage, plus the documented behaviour of <see cref="UpdateToRepositoryAsync"/>.
/// </summary>
public abstract class BaseItem : IHasProviderIds
{
    protected BaseItem()
    {
        Tags = Array.Empty<string>();
        Genres = Array.Empty<string>();
        Studios = Array.Empty<string>();
        ProductionLocations = Array.Empty<string>();
        ProviderIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        LockedFields = Array.Empty<MetadataField>();
    }

    public static ILibraryManager LibraryManager { get; set; } = null!;

    public static IProviderManager ProviderManager { get; set; } = null!;

    public Guid Id { get; set; }

    public virtual string? Name { get; set; }

    public string? OriginalTitle { get; set; }

    public virtual string? Path { get; set; }

    public Guid ParentId { get; set; }

    public int? ProductionYear { get; set; }

    public DateTime? PremiereDate { get; set; }

    public DateTime? EndDate { get; set; }

    public long? RunTimeTicks { get; set; }

    public Dictionary<string, string> ProviderIds { get; set; }

    public float? CriticRating { get; set; }

    public float? CommunityRating { get; set; }

    public string? OfficialRating { get; set; }

    public string? CustomRating { get; set; }

    public string[] Tags { get; set; }

    public string[] Genres { get; set; }

    public string[] Studios { get; set; }

    public string[] ProductionLocations { get; set; }

    public string? Overview { get; set; }

    public string? Tagline { get; set; }

    public string? HomePageUrl { get; set; }

    public DateTime DateCreated { get; set; }

    public DateTime DateModified { get; set; }

    public DateTime DateLastSaved { get; set; }

    public DateTime DateLastRefreshed { get; set; }

    public bool IsLocked { get; set; }

    public MetadataField[] LockedFields { get; set; }

    public bool IsVirtualItem { get; set; }

    public string? PreferredMetadataLanguage { get; set; }

    public void AddGenre(string name)
    {
        if (!Genres.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            Genres = [.. Genres, name];
        }
    }

    public void AddStudio(string name)
    {
        if (!Studios.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            Studios = [.. Studios, name];
        }
    }

    public void SetStudios(IEnumerable<string> names)
    {
        Studios = names.Distinct().ToArray();
    }

    public BaseItemKind GetBaseItemKind() => Enum.Parse<BaseItemKind>(GetType().Name);

    public BaseItem? GetParent() => ParentId == Guid.Empty ? null : LibraryManager.GetItemById(ParentId);

    public string GetPreferredMetadataLanguage() => string.IsNullOrEmpty(PreferredMetadataLanguage) ? "en" : PreferredMetadataLanguage;

    public virtual Task UpdateToRepositoryAsync(ItemUpdateType updateReason, CancellationToken cancellationToken)
        => LibraryManager.UpdateItemAsync(this, GetParent()!, updateReason, cancellationToken);
}
