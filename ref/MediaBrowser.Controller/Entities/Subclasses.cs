namespace MediaBrowser.Controller.Entities;

/// <summary>Declaration of Jellyfin's Video (subset).</summary>
public class Video : BaseItem
{
}

/// <summary>Declaration of Jellyfin's Folder (subset).</summary>
public class Folder : BaseItem
{
}
