namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>An item whose TMDb artwork is to be fetched in the background.</summary>
/// <param name="Item">The item.</param>
/// <param name="Language">The preferred image language (ISO 639-1).</param>
public sealed record ArtworkRequest(LibraryItem Item, string Language);
