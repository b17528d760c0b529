using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Aperture.Packager;

/// <summary>
/// The plugin repository manifest.json that Jellyfin reads from a repository URL: a top-level array of packages,
/// each with its versions, newest first. Other packages in the file are kept as they are.
/// </summary>
public static class RepositoryManifest
{
    /// <summary>Where releases are downloaded from: the project's GitHub release assets.</summary>
    public const string DefaultSourceUrlTemplate =
        "https://github.com/aperture-jellyfin/jellyfin-plugin-aperture/releases/download/v{version}/aperture_{version}.zip";

    /// <summary>Fills {version} into a source URL template.</summary>
    /// <param name="template">A URL with {version} placeholders.</param>
    /// <param name="version">The four-part version.</param>
    /// <returns>The download URL of that version's zip.</returns>
    public static string SourceUrl(string template, string version)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!template.Contains("{version}", StringComparison.Ordinal))
        {
            throw new PackagingException($"The source URL template must contain {{version}}: {template}");
        }

        var url = template.Replace("{version}", version, StringComparison.Ordinal);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new PackagingException($"The source URL is not an http(s) URL: {url}");
        }

        return url;
    }

    /// <summary>Adds (or replaces) this release's version entry in manifest.json, creating the file if needed.</summary>
    /// <param name="manifestPath">The manifest file.</param>
    /// <param name="definition">The release description.</param>
    /// <param name="package">The built zip.</param>
    /// <param name="sourceUrl">Where Jellyfin downloads the zip from.</param>
    public static void Update(string manifestPath, BuildDefinition definition, PackageResult package, string sourceUrl)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(package);

        var packages = Read(manifestPath);
        var existing = packages.OfType<JsonObject>()
            .FirstOrDefault(p => string.Equals((string?)p["guid"], definition.Guid, StringComparison.OrdinalIgnoreCase));

        var versions = (existing?["versions"] as JsonArray ?? new JsonArray())
            .OfType<JsonObject>()
            .Where(v => !string.Equals((string?)v["version"], definition.Version, StringComparison.Ordinal))
            .Select(v => (JsonObject)v.DeepClone())
            .Append(new JsonObject
            {
                ["version"] = definition.Version,
                ["changelog"] = definition.Changelog,
                ["targetAbi"] = definition.TargetAbi,
                ["sourceUrl"] = sourceUrl,
                ["checksum"] = package.Md5,
                ["timestamp"] = package.Timestamp,
            })
            .OrderByDescending(v => ParseVersion((string?)v["version"]))
            .ToArray();

        var entry = new JsonObject
        {
            ["guid"] = definition.Guid,
            ["name"] = definition.Name,
            ["description"] = definition.Description,
            ["overview"] = definition.Overview,
            ["owner"] = definition.Owner,
            ["category"] = definition.Category,
        };
        var imageUrl = definition.ImageUrl ?? (string?)existing?["imageUrl"];
        if (imageUrl is not null)
        {
            entry["imageUrl"] = imageUrl;
        }

        entry["versions"] = new JsonArray(versions);

        var result = new JsonArray();
        var replaced = false;
        foreach (var node in packages)
        {
            if (ReferenceEquals(node, existing))
            {
                result.Add(entry);
                replaced = true;
            }
            else
            {
                result.Add(node?.DeepClone());
            }
        }

        if (!replaced)
        {
            result.Add(entry);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(manifestPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(manifestPath, result.ToJsonString(ReleasePackager.JsonOptions) + "\n");
    }

    private static JsonArray Read(string manifestPath)
    {
        if (!File.Exists(manifestPath))
        {
            return new JsonArray();
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(manifestPath)) as JsonArray
                ?? throw new PackagingException($"{manifestPath} must hold a JSON array of packages.");
        }
        catch (JsonException ex)
        {
            throw new PackagingException($"{manifestPath} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static Version ParseVersion(string? version) =>
        Version.TryParse(version, out var parsed) ? parsed : new Version(0, 0);
}
