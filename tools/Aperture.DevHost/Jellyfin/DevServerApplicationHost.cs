using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Reflection;
using MediaBrowser.Controller;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Aperture.DevHost.Jellyfin;

/// <summary>
/// Stand-in for Jellyfin's server host: names, version and loopback URLs. Exports are resolved from the
/// service provider, the way Jellyfin resolves plugin parts.
/// </summary>
public sealed class DevServerApplicationHost : IServerApplicationHost
{
    private readonly Assembly _pluginAssembly;

    public DevServerApplicationHost(Assembly pluginAssembly)
    {
        _pluginAssembly = pluginAssembly;
    }

    public event EventHandler? HasPendingRestartChanged
    {
        add { }
        remove { }
    }

    public string Name => "Aperture dev host";

    public string SystemId { get; } = Guid.NewGuid().ToString("N");

    public bool HasPendingRestart => false;

    public bool ShouldRestart { get; set; }

    public Version ApplicationVersion { get; } = new(10, 11, 0, 0);

    public IServiceProvider? ServiceProvider { get; set; }

    public string ApplicationVersionString => ApplicationVersion.ToString(3);

    public string ApplicationUserAgent => "Aperture-DevHost/" + ApplicationVersionString;

    public string ApplicationUserAgentAddress => "https://jellyfin.org";

    public bool CoreStartupHasCompleted { get; set; }

    public int HttpPort { get; set; }

    public int HttpsPort => 0;

    public bool ListenWithHttps => false;

    public string FriendlyName => "Aperture dev host";

    private string LocalUrl => "http://127.0.0.1:" + HttpPort.ToString(CultureInfo.InvariantCulture);

    public IEnumerable<Assembly> GetApiPluginAssemblies() => new[] { _pluginAssembly };

    public void NotifyPendingRestart()
    {
    }

    public IReadOnlyCollection<T> GetExports<T>(bool manageLifetime = true)
    {
        var provider = ServiceProvider ?? throw new InvalidOperationException("The dev host has not started yet.");
        return GetExportTypes<T>().Select(t => (T)ActivatorUtilities.CreateInstance(provider, t)).ToList();
    }

    public IEnumerable<Type> GetExportTypes<T>() =>
        _pluginAssembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(T).IsAssignableFrom(t));

    public T Resolve<T>()
    {
        var provider = ServiceProvider ?? throw new InvalidOperationException("The dev host has not started yet.");
        return (T)provider.GetRequiredService(typeof(T));
    }

    public string GetSmartApiUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Scheme + "://" + request.Host.Value;
    }

    public string GetSmartApiUrl(IPAddress remoteAddr) => LocalUrl;

    public string GetSmartApiUrl(string hostname) => LocalUrl;

    public string GetApiUrlForLocalAccess(IPAddress? ipAddress = null, bool allowHttps = true) => LocalUrl;

    public string GetLocalApiUrl(string hostname, string? scheme = null, int? port = null) =>
        (scheme ?? "http") + "://" + hostname + ":" + (port ?? HttpPort).ToString(CultureInfo.InvariantCulture);

    public string ExpandVirtualPath(string path) => path;

    public string ReverseVirtualPath(string path) => path;
}
