using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Model.Providers;

namespace MediaBrowser.Controller.Providers;

/// <summary>Declaration of Jellyfin's IRemoteSearchProvider.</summary>
public interface IRemoteSearchProvider : IMetadataProvider
{
    Task<HttpResponseMessage> GetImageResponse(string url, CancellationToken cancellationToken);
}

/// <summary>Declaration of Jellyfin's IRemoteSearchProvider&lt;TLookupInfoType&gt;.</summary>
/// <typeparam name="TLookupInfoType">The lookup info type.</typeparam>
public interface IRemoteSearchProvider<in TLookupInfoType> : IRemoteSearchProvider
    where TLookupInfoType : ItemLookupInfo
{
    Task<IEnumerable<RemoteSearchResult>> GetSearchResults(TLookupInfoType searchInfo, CancellationToken cancellationToken);
}

/// <summary>Declaration of Jellyfin's IRemoteMetadataProvider&lt;TItemType, TLookupInfoType&gt;.</summary>
/// <typeparam name="TItemType">The item type.</typeparam>
/// <typeparam name="TLookupInfoType">The lookup info type.</typeparam>
public interface IRemoteMetadataProvider<TItemType, in TLookupInfoType> : IMetadataProvider<TItemType>, IRemoteMetadataProvider, IRemoteSearchProvider<TLookupInfoType>
    where TItemType : BaseItem, IHasLookupInfo<TLookupInfoType>
    where TLookupInfoType : ItemLookupInfo, new()
{
    Task<MetadataResult<TItemType>> GetMetadata(TLookupInfoType info, CancellationToken cancellationToken);
}

/// <summary>Declaration of Jellyfin's IHasLookupInfo&lt;TLookupInfoType&gt;.</summary>
/// <typeparam name="TLookupInfoType">The lookup info type.</typeparam>
public interface IHasLookupInfo<out TLookupInfoType>
    where TLookupInfoType : ItemLookupInfo, new()
{
    TLookupInfoType GetLookupInfo();
}
