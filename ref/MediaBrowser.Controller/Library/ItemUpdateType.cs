using System;

namespace MediaBrowser.Controller.Library;

/// <summary>Declaration of Jellyfin's ItemUpdateType (flags; None is 1 in Jellyfin).</summary>
[Flags]
public enum ItemUpdateType
{
    None = 1,
    MetadataImport = 2,
    ImageUpdate = 4,
    MetadataDownload = 8,
    MetadataEdit = 16,
}
