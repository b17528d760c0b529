namespace Aperture.Emulators.Catalog;

/// <summary>Whether a catalog item is a movie or a TV show.</summary>
public enum MediaKind
{
    /// <summary>A movie.</summary>
    Movie = 0,

    /// <summary>A TV show (series).</summary>
    Show = 1,
}
