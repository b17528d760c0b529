namespace MediaBrowser.Model.Plugins;

/// <summary>Declaration of Jellyfin's PluginStatus (explicit values).</summary>
public enum PluginStatus
{
    Active = 0,
    Restart = 1,
    Disabled = -1,
    NotSupported = -2,
    Malfunctioned = -3,
    Superceded = -4,
    Deleted = -5,
}
