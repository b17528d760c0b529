namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>The kinds of artwork Aperture offers from TMDb.</summary>
public enum RemoteImageKind
{
    /// <summary>A poster.</summary>
    Poster,

    /// <summary>A backdrop (fanart).</summary>
    Backdrop,

    /// <summary>A logo (clear logo).</summary>
    Logo,
}
