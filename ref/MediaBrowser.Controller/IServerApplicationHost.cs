using System.Net;
using MediaBrowser.Common;
using Microsoft.AspNetCore.Http;

namespace MediaBrowser.Controller;

/// <summary>Declaration of Jellyfin's IServerApplicationHost (subset: the plugin only consumes it).</summary>
public interface IServerApplicationHost : IApplicationHost
{
    bool CoreStartupHasCompleted { get; }

    int HttpPort { get; }

    int HttpsPort { get; }

    bool ListenWithHttps { get; }

    string FriendlyName { get; }

    string GetSmartApiUrl(HttpRequest request);

    string GetSmartApiUrl(IPAddress remoteAddr);

    string GetSmartApiUrl(string hostname);

    string GetApiUrlForLocalAccess(IPAddress? ipAddress = null, bool allowHttps = true);

    string GetLocalApiUrl(string hostname, string? scheme = null, int? port = null);

    string ExpandVirtualPath(string path);

    string ReverseVirtualPath(string path);
}
