using System;

namespace MediaBrowser.Common;

/// <summary>Declaration of Jellyfin's IApplicationHost (subset: the plugin only consumes it).</summary>
public interface IApplicationHost
{
    string Name { get; }

    Version ApplicationVersion { get; }

    string ApplicationVersionString { get; }

    string ApplicationUserAgent { get; }
}
