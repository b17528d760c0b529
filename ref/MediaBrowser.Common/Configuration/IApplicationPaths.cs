namespace MediaBrowser.Common.Configuration;

/// <summary>Declaration of Jellyfin's IApplicationPaths.</summary>
public interface IApplicationPaths
{
    string ProgramDataPath { get; }

    string WebPath { get; }

    string ProgramSystemPath { get; }

    string DataPath { get; }

    string ImageCachePath { get; }

    string PluginsPath { get; }

    string PluginConfigurationsPath { get; }

    string LogDirectoryPath { get; }

    string ConfigurationDirectoryPath { get; }

    string SystemConfigurationFilePath { get; }

    string CachePath { get; }

    string TempDirectory { get; }

    string VirtualDataPath { get; }

    string TrickplayPath { get; }

    string BackupPath { get; }

    void MakeSanityCheckOrThrow();

    void CreateAndCheckMarker(string path, string markerName, bool recursive = false);
}
