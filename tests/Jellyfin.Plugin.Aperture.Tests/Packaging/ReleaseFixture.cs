using System;
using System.IO;
using System.Reflection;
using Aperture.Packager;

namespace Jellyfin.Plugin.Aperture.Tests.Packaging;

/// <summary>
/// Packages the already-built plugin output (Jellyfin.Plugin.Aperture/bin/&lt;Configuration&gt;/net9.0, built because
/// this test project references the plugin) once per test class, into a temporary folder.
/// </summary>
public sealed class ReleaseFixture : IDisposable
{
    public static readonly DateTimeOffset ReleaseTime = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public ReleaseFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Definition = BuildDefinition.Load(Path.Combine(RepositoryRoot, "build.yaml"));
        var configuration = typeof(ReleaseFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        PluginOutput = Path.Combine(RepositoryRoot, "Jellyfin.Plugin.Aperture", "bin", configuration, Definition.Framework);
        if (!File.Exists(Path.Combine(PluginOutput, ReleasePackager.PluginAssemblyFileName)))
        {
            throw new InvalidOperationException($"The plugin is not built in {PluginOutput}; build the solution first.");
        }

        TempDirectory = Directory.CreateTempSubdirectory("aperture-release-").FullName;
        ManifestPath = Path.Combine(TempDirectory, "manifest.json");
        Result = ReleasePackager.Package(new PackageRequest
        {
            Definition = Definition,
            PublishDirectory = PluginOutput,
            OutputDirectory = Path.Combine(TempDirectory, "out"),
            Timestamp = ReleaseTime,
        });
        RepositoryManifest.Update(
            ManifestPath,
            Definition,
            Result,
            RepositoryManifest.SourceUrl(RepositoryManifest.DefaultSourceUrlTemplate, Definition.Version));
    }

    public string RepositoryRoot { get; }

    public BuildDefinition Definition { get; }

    public string PluginOutput { get; }

    public string TempDirectory { get; }

    public string ManifestPath { get; }

    public PackageResult Result { get; }

    public void Dispose() => Directory.Delete(TempDirectory, recursive: true);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jellyfin.Plugin.Aperture.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Jellyfin.Plugin.Aperture.sln not found above " + AppContext.BaseDirectory);
    }
}
