namespace MediaBrowser.Model.Plugins;

/// <summary>Declaration of Jellyfin's PluginPageInfo.</summary>
public class PluginPageInfo
{
    public string Name { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    public string EmbeddedResourcePath { get; set; } = string.Empty;

    public bool EnableInMainMenu { get; set; }

    public string? MenuSection { get; set; }

    public string? MenuIcon { get; set; }
}
