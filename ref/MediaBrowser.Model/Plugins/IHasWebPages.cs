using System.Collections.Generic;

namespace MediaBrowser.Model.Plugins;

/// <summary>Declaration of Jellyfin's IHasWebPages.</summary>
public interface IHasWebPages
{
    IEnumerable<PluginPageInfo> GetPages();
}
