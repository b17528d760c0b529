using System;
using System.Threading;
using System.Threading.Tasks;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Entities;

namespace MediaBrowser.Controller.Providers;

/// <summary>Declaration of Jellyfin's IProviderManager (subset: the plugin only consumes it).</summary>
public interface IProviderManager
{
    void QueueRefresh(Guid itemId, MetadataRefreshOptions options, RefreshPriority priority);

    Task RefreshFullItem(BaseItem item, MetadataRefreshOptions options, CancellationToken cancellationToken);

    Task<ItemUpdateType> RefreshSingleItem(BaseItem item, MetadataRefreshOptions options, CancellationToken cancellationToken);

    Task SaveImage(BaseItem item, string url, ImageType type, int? imageIndex, CancellationToken cancellationToken);
}
