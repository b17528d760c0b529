namespace Jellyfin.Plugin.Aperture.Storage;

/// <summary>One schema step: its version number and the SQL that brings the schema to it.</summary>
/// <param name="Version">The version (unique, not necessarily contiguous).</param>
/// <param name="Sql">The SQL, a compile-time constant of this assembly.</param>
internal sealed record Migration(int Version, string Sql);
