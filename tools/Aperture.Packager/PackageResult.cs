namespace Aperture.Packager;

/// <summary>A built release zip.</summary>
public sealed class PackageResult
{
    public required string ZipPath { get; init; }

    public required string ChecksumPath { get; init; }

    /// <summary>Gets the MD5 of the zip, lowercase hex, as Jellyfin's installer checks it.</summary>
    public required string Md5 { get; init; }

    /// <summary>Gets the release time in the form written to meta.json and the manifest.</summary>
    public required string Timestamp { get; init; }
}
