using System.Threading;
using System.Threading.Tasks;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Library;

namespace MediaBrowser.Controller.Providers;

/// <summary>Declaration of Jellyfin's ICustomMetadataProvider (marker).</summary>
public interface ICustomMetadataProvider : IMetadataProvider
{
}

/// <summary>Declaration of Jellyfin's ICustomMetadataProvider&lt;TItemType&gt; (complete: the plugin implements it).</summary>
/// <typeparam name="TItemType">The item type.</typeparam>
public interface ICustomMetadataProvider<TItemType> : IMetadataProvider<TItemType>, ICustomMetadataProvider
    where TItemType : BaseItem
{
    Task<ItemUpdateType> FetchAsync(TItemType item, MetadataRefreshOptions options, CancellationToken cancellationToken);
}
