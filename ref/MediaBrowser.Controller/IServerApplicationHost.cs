using MediaBrowser.Common;

namespace MediaBrowser.Controller;

/// <summary>Declaration of Jellyfin's IServerApplicationHost (subset: the plugin only consumes it).</summary>
public interface IServerApplicationHost : IApplicationHost
{
    string FriendlyName { get; }
}
