namespace MediaBrowser.Model.Plugins;

/// <summary>Declaration of Jellyfin's plugin configuration base class.</summary>
public class BasePluginConfiguration
{
}
