using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aperture.Packager;

/// <summary>
/// Builds the Jellyfin plugin zip: only the build.yaml artifacts plus a generated meta.json, in a fixed entry order,
/// and its MD5. Refuses to ship any Jellyfin assembly other than the plugin itself (a copy of Jellyfin's own
/// assemblies must never reach a Jellyfin plugin folder: Jellyfin would load it instead of the real one).
/// </summary>
public static class ReleasePackager
{
    /// <summary>The one Jellyfin-named assembly that ships: the plugin.</summary>
    public const string PluginAssemblyFileName = "Jellyfin.Plugin.Aperture.dll";

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Gets the zip file name for a version, as JPRM names it.</summary>
    /// <param name="definition">The release description.</param>
    /// <returns>For example aperture_0.1.0.0.zip.</returns>
    public static string ZipFileName(BuildDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var slug = definition.Name.Trim().ToLowerInvariant().Replace(' ', '-');
        return $"{slug}_{definition.Version}.zip";
    }

    /// <summary>Formats a release time the way Jellyfin's manifests write it (UTC, seconds, "Z").</summary>
    /// <param name="timestamp">The time.</param>
    /// <returns>For example 2026-11-26T12:00:00Z.</returns>
    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>True for assembly file names that belong to Jellyfin, the plugin excepted.</summary>
    /// <param name="fileName">A file name from the artifacts list.</param>
    /// <returns>Whether shipping it would shadow a Jellyfin assembly.</returns>
    public static bool IsForbiddenJellyfinAssembly(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = Path.GetFileName(fileName);
        if (!name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, PluginAssemblyFileName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return name.StartsWith("MediaBrowser.", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Jellyfin.", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Emby.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Builds the zip and its .md5 file.</summary>
    /// <param name="request">What to package.</param>
    /// <returns>Where the zip is and its checksum.</returns>
    public static PackageResult Package(PackageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = request.Definition;
        var artifacts = CheckArtifacts(definition, request.PublishDirectory);
        CheckPluginVersion(definition, request.PublishDirectory);

        Directory.CreateDirectory(request.OutputDirectory);
        var zipPath = Path.Combine(request.OutputDirectory, ZipFileName(definition));
        var timestamp = FormatTimestamp(request.Timestamp);
        var metaJson = BuildMetaJson(definition, timestamp, artifacts);

        // Zip entry times cannot predate 1980; a fixed time per release keeps the bytes reproducible.
        // Entry times are written in UTC so the bytes do not depend on the builder's time zone.
        var utc = request.Timestamp.ToUniversalTime();
        var entryTime = utc.Year < 1980 ? new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero) : utc;
        using (var file = new FileStream(zipPath, FileMode.Create, FileAccess.Write))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            foreach (var artifact in artifacts)
            {
                var entry = zip.CreateEntry(artifact, CompressionLevel.Optimal);
                entry.LastWriteTime = entryTime;
                using var target = entry.Open();
                using var source = File.OpenRead(Path.Combine(request.PublishDirectory, artifact));
                source.CopyTo(target);
            }

            var meta = zip.CreateEntry("meta.json", CompressionLevel.Optimal);
            meta.LastWriteTime = entryTime;
            using var metaStream = meta.Open();
            metaStream.Write(new UTF8Encoding(false).GetBytes(metaJson));
        }

        var md5 = ComputeMd5(zipPath);
        var checksumPath = zipPath + ".md5";

        // md5sum's own format, so `md5sum -c aperture_<version>.zip.md5` verifies a download.
        File.WriteAllText(checksumPath, $"{md5}  {Path.GetFileName(zipPath)}\n");

        return new PackageResult { ZipPath = zipPath, ChecksumPath = checksumPath, Md5 = md5, Timestamp = timestamp };
    }

    /// <summary>The MD5 of a file as lowercase hex: what Jellyfin's installer compares with the manifest's checksum.</summary>
    /// <param name="path">The file.</param>
    /// <returns>32 lowercase hex digits.</returns>
    public static string ComputeMd5(string path)
    {
        using var stream = File.OpenRead(path);
#pragma warning disable CA5351 // Jellyfin's repository format specifies MD5; it checks integrity, not authenticity.
        return Convert.ToHexStringLower(MD5.HashData(stream));
#pragma warning restore CA5351
    }

    private static List<string> CheckArtifacts(BuildDefinition definition, string publishDirectory)
    {
        if (!Directory.Exists(publishDirectory))
        {
            throw new PackagingException($"Publish folder not found: {publishDirectory}");
        }

        var forbidden = definition.Artifacts.Where(IsForbiddenJellyfinAssembly).ToList();
        if (forbidden.Count > 0)
        {
            throw new PackagingException(
                $"Refusing to package Jellyfin assemblies: {string.Join(", ", forbidden)}. "
                + "They are Jellyfin's own SDK assemblies; the server provides the real ones, and a copy in the "
                + "plugin folder would be loaded instead of them. Remove them from build.yaml 'artifacts'.");
        }

        var bad = definition.Artifacts
            .Where(a => Path.IsPathRooted(a) || a.Contains("..", StringComparison.Ordinal) || a.Contains('*', StringComparison.Ordinal))
            .ToList();
        if (bad.Count > 0)
        {
            throw new PackagingException($"build.yaml artifacts must be plain file names inside the publish folder: {string.Join(", ", bad)}");
        }

        if (!definition.Artifacts.Contains(PluginAssemblyFileName, StringComparer.OrdinalIgnoreCase))
        {
            throw new PackagingException($"build.yaml artifacts must include the plugin itself, {PluginAssemblyFileName}.");
        }

        var missing = definition.Artifacts.Where(a => !File.Exists(Path.Combine(publishDirectory, a))).ToList();
        if (missing.Count > 0)
        {
            throw new PackagingException(
                $"Artifacts missing from the publish folder {publishDirectory}: {string.Join(", ", missing)}. "
                + $"Publish the plugin first (dotnet publish Jellyfin.Plugin.Aperture -c Release -f {definition.Framework}) "
                + "or fix build.yaml 'artifacts'.");
        }

        var duplicate = definition.Artifacts.GroupBy(a => a, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null || definition.Artifacts.Contains("meta.json", StringComparer.OrdinalIgnoreCase))
        {
            throw new PackagingException($"build.yaml artifacts list '{duplicate?.Key ?? "meta.json"}' twice or name the generated meta.json.");
        }

        return definition.Artifacts.Order(StringComparer.Ordinal).ToList();
    }

    private static void CheckPluginVersion(BuildDefinition definition, string publishDirectory)
    {
        var pluginPath = Path.Combine(publishDirectory, PluginAssemblyFileName);
        Version? built;
        try
        {
            built = AssemblyName.GetAssemblyName(pluginPath).Version;
        }
        catch (BadImageFormatException ex)
        {
            throw new PackagingException($"{pluginPath} is not a .NET assembly.", ex);
        }

        if (built is null || !string.Equals(built.ToString(), definition.Version, StringComparison.Ordinal))
        {
            throw new PackagingException(
                $"{PluginAssemblyFileName} is version {built}, but build.yaml says {definition.Version}. "
                + "Set the same version in build.yaml and <AssemblyVersion> of Jellyfin.Plugin.Aperture.csproj, then publish again.");
        }
    }

    private static string BuildMetaJson(BuildDefinition definition, string timestamp, IEnumerable<string> artifacts)
    {
        var meta = new JsonObject
        {
            ["guid"] = definition.Guid,
            ["name"] = definition.Name,
            ["description"] = definition.Description,
            ["overview"] = definition.Overview,
            ["owner"] = definition.Owner,
            ["category"] = definition.Category,
            ["version"] = definition.Version,
            ["changelog"] = definition.Changelog,
            ["targetAbi"] = definition.TargetAbi,
            ["timestamp"] = timestamp,
        };
        if (definition.ImageUrl is not null)
        {
            meta["imageUrl"] = definition.ImageUrl;
        }

        // The whitelist makes Jellyfin load only these assemblies, whatever else lands in the folder later.
        meta["assemblies"] = new JsonArray(artifacts
            .Where(a => a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(a => (JsonNode?)JsonValue.Create(a))
            .ToArray());
        return meta.ToJsonString(JsonOptions) + "\n";
    }
}
