using MediaBrowser.Common.Configuration;

namespace MediaBrowser.Controller;

/// <summary>Declaration of Jellyfin's IServerApplicationPaths (subset: only the inherited members are declared).</summary>
public interface IServerApplicationPaths : IApplicationPaths
{
}
