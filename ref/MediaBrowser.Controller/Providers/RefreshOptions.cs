using System;
using System.Collections.Generic;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Model.Entities;
using MediaBrowser.Model.Providers;

namespace MediaBrowser.Controller.Providers;

/// <summary>Declaration of Jellyfin's MetadataRefreshMode.</summary>
public enum MetadataRefreshMode
{
    None = 0,
    ValidationOnly = 1,
    Default = 2,
    FullRefresh = 3,
}

/// <summary>Declaration of Jellyfin's RefreshPriority.</summary>
public enum RefreshPriority
{
    High = 0,
    Normal = 1,
    Low = 2,
}

/// <summary>Declaration of Jellyfin's ImageRefreshOptions (subset).</summary>
public class ImageRefreshOptions
{
    public ImageRefreshOptions(IDirectoryService directoryService)
    {
        ImageRefreshMode = MetadataRefreshMode.Default;
        DirectoryService = directoryService;
        ReplaceImages = Array.Empty<ImageType>();
        IsAutomated = true;
    }

    public MetadataRefreshMode ImageRefreshMode { get; set; }

    public IDirectoryService DirectoryService { get; private set; }

    public bool ReplaceAllImages { get; set; }

    public IReadOnlyList<ImageType> ReplaceImages { get; set; }

    public bool IsAutomated { get; set; }

    public bool RemoveOldMetadata { get; set; }
}

/// <summary>Declaration of Jellyfin's MetadataRefreshOptions (subset).</summary>
public class MetadataRefreshOptions : ImageRefreshOptions
{
    public MetadataRefreshOptions(IDirectoryService directoryService)
        : base(directoryService)
    {
        MetadataRefreshMode = MetadataRefreshMode.Default;
        RefreshPaths = Array.Empty<string>();
    }

    public bool ReplaceAllMetadata { get; set; }

    public bool RegenerateTrickplay { get; set; }

    public MetadataRefreshMode MetadataRefreshMode { get; set; }

    public RemoteSearchResult? SearchResult { get; set; }

    public string[] RefreshPaths { get; set; }

    public bool ForceSave { get; set; }

    public bool EnableRemoteContentProbe { get; set; }
}
