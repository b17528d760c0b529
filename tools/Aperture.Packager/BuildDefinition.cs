using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Aperture.Packager;

/// <summary>
/// The release description from build.yaml (JPRM format): what the plugin is called, which version it is,
/// which Jellyfin it needs and which files of the publish folder ship.
/// </summary>
public sealed record BuildDefinition
{
    public required string Name { get; init; }

    public required string Guid { get; init; }

    /// <summary>Gets the version, always in four parts (major.minor.build.revision).</summary>
    public required string Version { get; init; }

    public required string TargetAbi { get; init; }

    public required string Framework { get; init; }

    public required string Overview { get; init; }

    public required string Description { get; init; }

    public required string Category { get; init; }

    public required string Owner { get; init; }

    public string? ImageUrl { get; init; }

    public required IReadOnlyList<string> Artifacts { get; init; }

    public required string Changelog { get; init; }

    /// <summary>Reads and checks build.yaml.</summary>
    /// <param name="path">The path of build.yaml.</param>
    /// <returns>The checked definition.</returns>
    public static BuildDefinition Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new PackagingException($"Release description not found: {path}");
        }

        RawDefinition raw;
        try
        {
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .IgnoreUnmatchedProperties()
                .Build();
            raw = deserializer.Deserialize<RawDefinition?>(File.ReadAllText(path)) ?? new RawDefinition();
        }
        catch (YamlException ex)
        {
            throw new PackagingException($"{path} is not valid YAML: {ex.Message}", ex);
        }

        string Required(string? value, string key) =>
            string.IsNullOrWhiteSpace(value)
                ? throw new PackagingException($"{path}: required key '{key}' is missing or empty.")
                : value.Trim();

        var guid = Required(raw.Guid, "guid");
        if (!System.Guid.TryParse(guid, out _))
        {
            throw new PackagingException($"{path}: guid '{guid}' is not a GUID.");
        }

        var artifacts = (raw.Artifacts ?? new List<string>())
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => a.Trim())
            .ToList();
        if (artifacts.Count == 0)
        {
            throw new PackagingException($"{path}: 'artifacts' must list the files to ship.");
        }

        return new BuildDefinition
        {
            Name = Required(raw.Name, "name"),
            Guid = guid.ToLowerInvariant(),
            Version = NormalizeVersion(Required(raw.Version, "version")),
            TargetAbi = NormalizeVersion(Required(raw.TargetAbi, "targetAbi")),
            Framework = Required(raw.Framework, "framework"),
            Overview = Required(raw.Overview, "overview"),
            Description = Required(raw.Description, "description"),
            Category = Required(raw.Category, "category"),
            Owner = Required(raw.Owner, "owner"),
            ImageUrl = string.IsNullOrWhiteSpace(raw.ImageUrl) ? null : raw.ImageUrl.Trim(),
            Artifacts = artifacts,
            Changelog = Required(raw.Changelog, "changelog"),
        };
    }

    /// <summary>Turns "1", "1.2" or "1.2.3" into the four-part form Jellyfin compares ("1.0.0.0").</summary>
    /// <param name="version">The version as written.</param>
    /// <returns>The four-part version.</returns>
    public static string NormalizeVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var text = version.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            return new System.Version(major, 0, 0, 0).ToString();
        }

        if (!System.Version.TryParse(text, out var parsed))
        {
            throw new PackagingException($"'{version}' is not a version (expected major.minor.build.revision).");
        }

        return new System.Version(parsed.Major, parsed.Minor, Math.Max(parsed.Build, 0), Math.Max(parsed.Revision, 0)).ToString();
    }

    private sealed class RawDefinition
    {
        public string? Name { get; set; }

        public string? Guid { get; set; }

        public string? Version { get; set; }

        public string? TargetAbi { get; set; }

        public string? Framework { get; set; }

        public string? Overview { get; set; }

        public string? Description { get; set; }

        public string? Category { get; set; }

        public string? Owner { get; set; }

        public string? ImageUrl { get; set; }

        public List<string>? Artifacts { get; set; }

        public string? Changelog { get; set; }
    }
}
