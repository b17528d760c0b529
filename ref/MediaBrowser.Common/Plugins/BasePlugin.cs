using System;

namespace MediaBrowser.Common.Plugins;

/// <summary>
/// Declaration of Jellyfin's BasePlugin. Only the members a plugin overrides or reads are declared; the small
/// bodies exist so the dev host and tests can run a plugin without Jellyfin.
/// </summary>
public abstract class BasePlugin : IPlugin
{
    public abstract string Name { get; }

    public virtual string Description => string.Empty;

    public virtual Guid Id { get; private set; }

    public Version Version { get; private set; } = new Version(0, 0, 0, 0);

    public string AssemblyFilePath { get; private set; } = string.Empty;

    public bool CanUninstall => true;

    public string DataFolderPath { get; private set; } = string.Empty;

    public virtual void OnUninstalling()
    {
    }

    public void SetAttributes(string assemblyFilePath, string dataFolderPath, Version assemblyVersion)
    {
        AssemblyFilePath = assemblyFilePath;
        DataFolderPath = dataFolderPath;
        Version = assemblyVersion;
    }

    public void SetId(Guid assemblyId)
    {
        Id = assemblyId;
    }
}
