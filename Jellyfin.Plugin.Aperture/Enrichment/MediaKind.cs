namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>The kinds of library item Aperture enriches.</summary>
public enum MediaKind
{
    /// <summary>A movie.</summary>
    Movie,

    /// <summary>A TV series.</summary>
    Series,
}
