using System;
using Microsoft.Extensions.DependencyInjection;

namespace Jellyfin.Plugin.Aperture;

/// <summary>
/// Registers Aperture's own services. Kept free of Jellyfin types so the dev host and tests wire the plugin
/// exactly as Jellyfin does.
/// </summary>
public static class ApertureServices
{
    /// <summary>
    /// Adds Aperture's services to a service collection.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpClient();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
