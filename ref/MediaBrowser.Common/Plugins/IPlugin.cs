using System;

namespace MediaBrowser.Common.Plugins;

/// <summary>Declaration of Jellyfin's IPlugin (members the plugin's base class implements).</summary>
public interface IPlugin
{
    string Name { get; }

    string Description { get; }

    Guid Id { get; }

    Version Version { get; }

    string AssemblyFilePath { get; }

    bool CanUninstall { get; }

    string DataFolderPath { get; }

    void OnUninstalling();
}
