using System;
using MediaBrowser.Model.Plugins;

namespace MediaBrowser.Common.Plugins;

/// <summary>Declaration of Jellyfin's IHasPluginConfiguration.</summary>
public interface IHasPluginConfiguration
{
    Type ConfigurationType { get; }

    BasePluginConfiguration Configuration { get; }

    void UpdateConfiguration(BasePluginConfiguration configuration);
}
