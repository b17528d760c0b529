namespace MediaBrowser.Controller.Providers;

/// <summary>Declaration of Jellyfin's IPreRefreshProvider (marker).</summary>
public interface IPreRefreshProvider : ICustomMetadataProvider
{
}

/// <summary>Declaration of Jellyfin's IForcedProvider (marker).</summary>
public interface IForcedProvider
{
}

/// <summary>Declaration of Jellyfin's IHasOrder.</summary>
public interface IHasOrder
{
    int Order { get; }
}

/// <summary>Declaration of Jellyfin's IRemoteMetadataProvider (marker).</summary>
public interface IRemoteMetadataProvider : IMetadataProvider
{
}

/// <summary>Declaration of Jellyfin's IDirectoryService (subset: declared for MetadataRefreshOptions' constructor).</summary>
public interface IDirectoryService
{
}
