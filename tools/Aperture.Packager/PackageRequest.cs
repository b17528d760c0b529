using System;

namespace Aperture.Packager;

/// <summary>What to package, from where, to where.</summary>
public sealed class PackageRequest
{
    public required BuildDefinition Definition { get; init; }

    /// <summary>Gets the folder `dotnet publish` wrote the plugin to; only the build.yaml artifacts are taken from it.</summary>
    public required string PublishDirectory { get; init; }

    /// <summary>Gets the folder that receives aperture_&lt;version&gt;.zip and its .md5 file.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Gets the release time written to meta.json, the manifest and the zip entries.</summary>
    public required DateTimeOffset Timestamp { get; init; }
}
