using System;
using System.Collections.Generic;
using System.Reflection;

namespace MediaBrowser.Common;

/// <summary>Declaration of Jellyfin's IApplicationHost (subset: the plugin only consumes it).</summary>
public interface IApplicationHost
{
    event EventHandler? HasPendingRestartChanged;

    string Name { get; }

    string SystemId { get; }

    bool HasPendingRestart { get; }

    bool ShouldRestart { get; set; }

    Version ApplicationVersion { get; }

    IServiceProvider? ServiceProvider { get; set; }

    string ApplicationVersionString { get; }

    string ApplicationUserAgent { get; }

    string ApplicationUserAgentAddress { get; }

    IEnumerable<Assembly> GetApiPluginAssemblies();

    void NotifyPendingRestart();

    IReadOnlyCollection<T> GetExports<T>(bool manageLifetime = true);

    IEnumerable<Type> GetExportTypes<T>();

    T Resolve<T>();
}
