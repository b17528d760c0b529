using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Model.Entities;
using MediaBrowser.Model.Providers;

namespace MediaBrowser.Controller.Providers;

/// <summary>Declaration of Jellyfin's IImageProvider.</summary>
public interface IImageProvider
{
    string Name { get; }

    bool Supports(BaseItem item);
}

/// <summary>Declaration of Jellyfin's IRemoteImageProvider (complete: the plugin implements it).</summary>
public interface IRemoteImageProvider : IImageProvider
{
    IEnumerable<ImageType> GetSupportedImages(BaseItem item);

    Task<IEnumerable<RemoteImageInfo>> GetImages(BaseItem item, CancellationToken cancellationToken);

    Task<HttpResponseMessage> GetImageResponse(string url, CancellationToken cancellationToken);
}
