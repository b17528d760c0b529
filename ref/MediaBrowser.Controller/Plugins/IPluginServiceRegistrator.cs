using Microsoft.Extensions.DependencyInjection;

namespace MediaBrowser.Controller.Plugins;

/// <summary>Declaration of Jellyfin's IPluginServiceRegistrator.</summary>
public interface IPluginServiceRegistrator
{
    void RegisterServices(IServiceCollection serviceCollection, IServerApplicationHost applicationHost);
}
