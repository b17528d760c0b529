using System;
using System.IO;
using MediaBrowser.Controller;

namespace Aperture.DevHost.Jellyfin;

/// <summary>
/// Stand-in for Jellyfin's application paths, every folder rooted at the dev host's data folder.
/// </summary>
public sealed class DevApplicationPaths : IServerApplicationPaths
{
    /// <summary>
    /// Initializes a new instance of the <see cref="DevApplicationPaths"/> class and creates the folders.
    /// </summary>
    /// <param name="root">The data folder.</param>
    public DevApplicationPaths(string root)
    {
        ProgramDataPath = Path.GetFullPath(root);
        Directory.CreateDirectory(ProgramDataPath);
        foreach (var folder in new[] { DataPath, PluginsPath, PluginConfigurationsPath, LogDirectoryPath, ConfigurationDirectoryPath, CachePath, TempDirectory })
        {
            Directory.CreateDirectory(folder);
        }
    }

    public string ProgramDataPath { get; }

    public string WebPath => Path.Combine(ProgramDataPath, "web");

    public string ProgramSystemPath => AppContext.BaseDirectory;

    public string DataPath => Path.Combine(ProgramDataPath, "data");

    public string ImageCachePath => Path.Combine(CachePath, "images");

    public string PluginsPath => Path.Combine(ProgramDataPath, "plugins");

    public string PluginConfigurationsPath => Path.Combine(PluginsPath, "configurations");

    public string LogDirectoryPath => Path.Combine(ProgramDataPath, "log");

    public string ConfigurationDirectoryPath => Path.Combine(ProgramDataPath, "config");

    public string SystemConfigurationFilePath => Path.Combine(ConfigurationDirectoryPath, "system.xml");

    public string CachePath => Path.Combine(ProgramDataPath, "cache");

    public string TempDirectory => Path.Combine(CachePath, "temp");

    public string VirtualDataPath => "%AppDataPath%";

    public string TrickplayPath => Path.Combine(DataPath, "trickplay");

    public string BackupPath => Path.Combine(DataPath, "backups");

    public void MakeSanityCheckOrThrow() => CreateAndCheckMarker(ProgramDataPath, "dev");

    public void CreateAndCheckMarker(string path, string markerName, bool recursive = false)
    {
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "." + markerName), string.Empty);
    }
}
