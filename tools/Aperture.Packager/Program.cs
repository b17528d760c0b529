using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace Aperture.Packager;

/// <summary>
/// Builds a release: publishes the plugin, zips the build.yaml artifacts with meta.json, writes the .md5 file and
/// updates the repository manifest.json. Run from anywhere inside the repository:
/// <c>dotnet run --project tools/Aperture.Packager -- --output artifacts</c>.
/// </summary>
internal static class Program
{
    private const string Usage = """
        Usage: dotnet run --project tools/Aperture.Packager -- [options]

          --version V          the version to release; must match build.yaml (default: build.yaml's version)
          --output DIR         where the zip and .md5 go (default: artifacts at the repository root)
          --manifest PATH      repository manifest to create or update (default: manifest.json at the repository root)
          --source-url URL     download URL template with {version} (default: the project's GitHub release asset)
          --publish-dir DIR    package an existing publish folder instead of running dotnet publish
          --timestamp ISO      release time, UTC (default: now); the same inputs and time give the same zip bytes
          --build-yaml PATH    release description (default: build.yaml at the repository root)
        """;

    private static int Main(string[] args)
    {
        Dictionary<string, string> options;
        try
        {
            options = ParseOptions(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (options.ContainsKey("help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        try
        {
            Run(options);
            return 0;
        }
        catch (PackagingException ex)
        {
            Console.Error.WriteLine("Packaging failed: " + ex.Message);
            return 1;
        }
    }

    private static void Run(Dictionary<string, string> options)
    {
        var root = FindRepositoryRoot();
        var definition = BuildDefinition.Load(Resolve(options, "build-yaml", root, "build.yaml"));
        if (options.TryGetValue("version", out var wanted)
            && BuildDefinition.NormalizeVersion(wanted) != definition.Version)
        {
            throw new PackagingException(
                $"--version {wanted} does not match build.yaml version {definition.Version}. Bump the version in build.yaml "
                + "and <AssemblyVersion>/<FileVersion> in Jellyfin.Plugin.Aperture.csproj first, so the DLL, meta.json and "
                + "manifest agree.");
        }

        var timestamp = DateTimeOffset.UtcNow;
        if (options.TryGetValue("timestamp", out var time)
            && !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp))
        {
            throw new PackagingException($"--timestamp '{time}' is not a date and time.");
        }

        var sourceUrl = RepositoryManifest.SourceUrl(
            options.GetValueOrDefault("source-url", RepositoryManifest.DefaultSourceUrlTemplate), definition.Version);
        var output = Resolve(options, "output", root, "artifacts");

        string? tempPublish = null;
        try
        {
            string publishDir;
            if (options.TryGetValue("publish-dir", out var given))
            {
                publishDir = Path.GetFullPath(given);
            }
            else
            {
                tempPublish = Directory.CreateTempSubdirectory("aperture-publish-").FullName;
                Publish(root, definition, tempPublish);
                publishDir = tempPublish;
            }

            var package = ReleasePackager.Package(new PackageRequest
            {
                Definition = definition,
                PublishDirectory = publishDir,
                OutputDirectory = output,
                Timestamp = timestamp,
            });
            var manifestPath = Resolve(options, "manifest", root, "manifest.json");
            RepositoryManifest.Update(manifestPath, definition, package, sourceUrl);

            Console.WriteLine($"Release {definition.Name} {definition.Version} (targetAbi {definition.TargetAbi})");
            Console.WriteLine($"  zip:       {package.ZipPath}");
            Console.WriteLine($"  md5:       {package.Md5}  ({package.ChecksumPath})");
            Console.WriteLine($"  manifest:  {manifestPath}");
            Console.WriteLine($"  sourceUrl: {sourceUrl}  (upload the zip there)");
        }
        finally
        {
            if (tempPublish is not null)
            {
                Directory.Delete(tempPublish, recursive: true);
            }
        }
    }

    private static void Publish(string root, BuildDefinition definition, string publishDir)
    {
        var project = Path.Combine(root, "Jellyfin.Plugin.Aperture", "Jellyfin.Plugin.Aperture.csproj");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root };
        foreach (var arg in new[]
        {
            "publish", project, "-c", "Release", "-f", definition.Framework, "-o", publishDir,

            // Release builds map source paths, so the DLL does not carry the builder's folders.
            "-p:ContinuousIntegrationBuild=true", "--nologo",
        })
        {
            start.ArgumentList.Add(arg);
        }

        Console.WriteLine($"dotnet {string.Join(' ', start.ArgumentList)}");
        using var process = Process.Start(start) ?? throw new PackagingException("Could not start dotnet.");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new PackagingException($"dotnet publish failed (exit code {process.ExitCode}); see the build output above.");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jellyfin.Plugin.Aperture.sln")))
            {
                return dir.FullName;
            }
        }

        throw new PackagingException("Run the packager inside the repository (no Jellyfin.Plugin.Aperture.sln found above the current folder).");
    }

    // Paths given on the command line are relative to the current folder; defaults are relative to the repository root.
    private static string Resolve(Dictionary<string, string> options, string key, string root, string fallback) =>
        options.TryGetValue(key, out var value) ? Path.GetFullPath(value) : Path.GetFullPath(Path.Combine(root, fallback));

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var known = new HashSet<string>(StringComparer.Ordinal)
        {
            "version", "output", "manifest", "source-url", "publish-dir", "timestamp", "build-yaml",
        };
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                options["help"] = string.Empty;
                continue;
            }

            var key = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : null;
            if (key is null || !known.Contains(key))
            {
                throw new ArgumentException($"Unknown argument: {arg}");
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{arg} needs a value.");
            }

            options[key] = args[++i];
        }

        return options;
    }
}
