using MediaBrowser.Controller;
using MediaBrowser.Controller.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Jellyfin.Plugin.Aperture;

/// <summary>
/// All of Aperture's dependency-injection wiring, in one place. Jellyfin runs this before it creates the plugin,
/// so nothing here may touch <see cref="Plugin.Instance"/>.
/// </summary>
public class PluginServiceRegistrator : IPluginServiceRegistrator
{
    /// <inheritdoc />
    public void RegisterServices(IServiceCollection serviceCollection, IServerApplicationHost applicationHost)
    {
        ApertureServices.Add(serviceCollection);
    }
}
