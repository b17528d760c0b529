using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Aperture.Packager;
using MediaBrowser.Controller.Plugins;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Packaging;

public sealed class ReleasePackageTests : IClassFixture<ReleaseFixture>, IDisposable
{
    private const string ExpectedSourceUrl =
        "https://github.com/aperture-jellyfin/jellyfin-plugin-aperture/releases/download/v{0}/aperture_{0}.zip";

    private readonly ReleaseFixture _release;
    private readonly string _scratch = Directory.CreateTempSubdirectory("aperture-pkg-test-").FullName;

    public ReleasePackageTests(ReleaseFixture release)
    {
        _release = release;
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public void ZipHoldsThePluginPollyAndMetaJsonOnly()
    {
        using var zip = ZipFile.OpenRead(_release.Result.ZipPath);
        var names = zip.Entries.Select(e => e.FullName).ToArray();

        // Fixed order: artifacts sorted, then meta.json.
        Assert.Equal(new[] { "Jellyfin.Plugin.Aperture.dll", "Polly.Core.dll", "meta.json" }, names);
        Assert.DoesNotContain(names, n => n.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            && (n.StartsWith("MediaBrowser.", StringComparison.OrdinalIgnoreCase) || n.StartsWith("Jellyfin.", StringComparison.OrdinalIgnoreCase))
            && n != "Jellyfin.Plugin.Aperture.dll");
        Assert.All(zip.Entries, e => Assert.True(e.Length > 0, e.FullName + " is empty"));
    }

    [Fact]
    public void MetaJsonDescribesThePluginForJellyfin1011()
    {
        var meta = ReadMeta();

        Assert.Equal(Plugin.PluginId, (string?)meta["guid"]);
        Assert.Equal(Guid.Parse(Plugin.PluginId), Guid.Parse((string)meta["guid"]!));
        Assert.Equal("Aperture", (string?)meta["name"]);
        Assert.Equal("10.11.0.0", (string?)meta["targetAbi"]);
        Assert.Equal(typeof(Plugin).Assembly.GetName().Version!.ToString(), (string?)meta["version"]);
        Assert.Equal("Metadata", (string?)meta["category"]);
        Assert.Equal("2026-11-26T12:00:00Z", (string?)meta["timestamp"]);
        foreach (var key in new[] { "description", "overview", "owner", "changelog" })
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)meta[key]), key + " is empty");
        }

        // Jellyfin then loads exactly these assemblies from the folder, nothing else that lands there.
        var assemblies = meta["assemblies"]!.AsArray().Select(a => (string?)a).ToArray();
        Assert.Equal(new[] { "Jellyfin.Plugin.Aperture.dll", "Polly.Core.dll" }, assemblies);
    }

    [Fact]
    public void ManifestChecksumIsTheMd5OfTheZipBytes()
    {
        var md5 = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(_release.Result.ZipPath)));
        var version = ReadOnlyVersion(_release.ManifestPath);

        Assert.Equal(md5, (string?)version["checksum"]);
        Assert.Equal(md5 + "  " + Path.GetFileName(_release.Result.ZipPath), File.ReadAllText(_release.Result.ChecksumPath).TrimEnd('\n'));
        Assert.Equal("10.11.0.0", (string?)version["targetAbi"]);
        Assert.Equal(_release.Definition.Version, (string?)version["version"]);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, ExpectedSourceUrl, _release.Definition.Version), (string?)version["sourceUrl"]);
        Assert.Equal("2026-11-26T12:00:00Z", (string?)version["timestamp"]);
        Assert.EndsWith("aperture_" + _release.Definition.Version + ".zip", _release.Result.ZipPath, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesToShipAStubJellyfinAssembly()
    {
        var publish = Directory.CreateDirectory(Path.Combine(_scratch, "publish")).FullName;
        CopyFromPluginOutput(publish, "Jellyfin.Plugin.Aperture.dll", "Polly.Core.dll");
        var stub = typeof(IPluginServiceRegistrator).Assembly.Location;
        File.Copy(stub, Path.Combine(publish, "MediaBrowser.Controller.dll"));
        var definition = _release.Definition with { Artifacts = ["Jellyfin.Plugin.Aperture.dll", "Polly.Core.dll", "MediaBrowser.Controller.dll"] };
        var output = Path.Combine(_scratch, "out");

        var error = Assert.Throws<PackagingException>(() => Package(definition, publish, output));

        Assert.Contains("MediaBrowser.Controller.dll", error.Message, StringComparison.Ordinal);
        Assert.Contains("Refusing to package Jellyfin assemblies", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output).Any(), "nothing is written when packaging is refused");
    }

    [Fact]
    public void PublishFolderWithStubsStillShipsOnlyTheArtifacts()
    {
        // A publish folder can hold Jellyfin's SDK assemblies next to the plugin; the artifacts list keeps them out.
        var publish = Directory.CreateDirectory(Path.Combine(_scratch, "publish")).FullName;
        CopyFromPluginOutput(publish, "Jellyfin.Plugin.Aperture.dll", "Polly.Core.dll");
        File.Copy(typeof(IPluginServiceRegistrator).Assembly.Location, Path.Combine(publish, "MediaBrowser.Controller.dll"));

        var result = Package(_release.Definition, publish, Path.Combine(_scratch, "out"));

        using var zip = ZipFile.OpenRead(result.ZipPath);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("MediaBrowser.", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingArtifactIsAClearError()
    {
        var publish = Directory.CreateDirectory(Path.Combine(_scratch, "publish")).FullName;
        CopyFromPluginOutput(publish, "Jellyfin.Plugin.Aperture.dll");

        var error = Assert.Throws<PackagingException>(() => Package(_release.Definition, publish, Path.Combine(_scratch, "out")));

        Assert.Contains("missing", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Polly.Core.dll", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PluginVersionMustMatchBuildYaml()
    {
        var definition = _release.Definition with { Version = "9.9.9.9" };

        var error = Assert.Throws<PackagingException>(() => Package(definition, _release.PluginOutput, Path.Combine(_scratch, "out")));

        Assert.Contains("9.9.9.9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameInputsAndTimeGiveTheSameZipBytes()
    {
        var again = Package(_release.Definition, _release.PluginOutput, Path.Combine(_scratch, "again"));

        Assert.Equal(File.ReadAllBytes(_release.Result.ZipPath), File.ReadAllBytes(again.ZipPath));
        Assert.Equal(_release.Result.Md5, again.Md5);
    }

    [Fact]
    public void ManifestUpdateReplacesTheSameVersionKeepsOthersNewestFirst()
    {
        var path = Path.Combine(_scratch, "manifest.json");
        File.WriteAllText(path, $$"""
            [
              { "guid": "11111111-2222-3333-4444-555555555555", "name": "Other", "versions": [] },
              {
                "guid": "{{Plugin.PluginId}}", "name": "Aperture", "imageUrl": "https://example.invalid/logo.png",
                "versions": [
                  { "version": "0.0.9.0", "checksum": "old09", "targetAbi": "10.11.0.0" },
                  { "version": "{{_release.Definition.Version}}", "checksum": "stale", "targetAbi": "10.10.0.0" },
                  { "version": "0.0.10.0", "checksum": "old010", "targetAbi": "10.11.0.0" }
                ]
              }
            ]
            """);

        RepositoryManifest.Update(path, _release.Definition, _release.Result, "https://example.invalid/a.zip");

        var packages = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
        Assert.Equal(2, packages.Count);
        Assert.Equal("Other", (string?)packages[0]!["name"]);
        var aperture = packages[1]!;
        Assert.Equal("https://example.invalid/logo.png", (string?)aperture["imageUrl"]);
        var versions = aperture["versions"]!.AsArray();
        Assert.Equal(new[] { _release.Definition.Version, "0.0.10.0", "0.0.9.0" }, versions.Select(v => (string?)v!["version"]).ToArray());
        Assert.Equal(_release.Result.Md5, (string?)versions[0]!["checksum"]);
        Assert.Equal("10.11.0.0", (string?)versions[0]!["targetAbi"]);
    }

    [Fact]
    public void CommittedBuildYamlAndManifestAgreeWithThePlugin()
    {
        var definition = _release.Definition;
        Assert.Equal(Plugin.PluginId, definition.Guid);
        Assert.Equal("Aperture", definition.Name);
        Assert.Equal("10.11.0.0", definition.TargetAbi);
        Assert.Equal("net9.0", definition.Framework);
        Assert.Equal(typeof(Plugin).Assembly.GetName().Version!.ToString(), definition.Version);
        Assert.Equal(new[] { "Jellyfin.Plugin.Aperture.dll", "Polly.Core.dll" }, definition.Artifacts);

        var committed = JsonNode.Parse(File.ReadAllText(Path.Combine(_release.RepositoryRoot, "manifest.json")))!.AsArray();
        var package = Assert.Single(committed)!;
        Assert.Equal(Plugin.PluginId, (string?)package["guid"]);
        Assert.Equal("Metadata", (string?)package["category"]);
        var newest = package["versions"]!.AsArray()[0]!;
        Assert.Equal(definition.Version, (string?)newest["version"]);
        Assert.Equal("10.11.0.0", (string?)newest["targetAbi"]);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, ExpectedSourceUrl, definition.Version), (string?)newest["sourceUrl"]);
        Assert.Matches("^[0-9a-f]{32}$", (string?)newest["checksum"]);
    }

    [Theory]
    [InlineData("1", "1.0.0.0")]
    [InlineData("0.1.0", "0.1.0.0")]
    [InlineData("0.1.0.0", "0.1.0.0")]
    public void VersionsAreNormalisedToFourParts(string written, string expected)
    {
        Assert.Equal(expected, BuildDefinition.NormalizeVersion(written));
    }

    [Fact]
    public void NonVersionIsRejected()
    {
        Assert.Throws<PackagingException>(() => BuildDefinition.NormalizeVersion("latest"));
    }

    private static PackageResult Package(BuildDefinition definition, string publish, string output) =>
        ReleasePackager.Package(new PackageRequest
        {
            Definition = definition,
            PublishDirectory = publish,
            OutputDirectory = output,
            Timestamp = ReleaseFixture.ReleaseTime,
        });

    private static JsonNode ReadOnlyVersion(string manifestPath)
    {
        var package = Assert.Single(JsonNode.Parse(File.ReadAllText(manifestPath))!.AsArray())!;
        return Assert.Single(package["versions"]!.AsArray())!;
    }

    private JsonNode ReadMeta()
    {
        using var zip = ZipFile.OpenRead(_release.Result.ZipPath);
        using var stream = zip.GetEntry("meta.json")!.Open();
        return JsonNode.Parse(stream)!;
    }

    private void CopyFromPluginOutput(string target, params string[] files)
    {
        foreach (var file in files)
        {
            File.Copy(Path.Combine(_release.PluginOutput, file), Path.Combine(target, file));
        }
    }
}
