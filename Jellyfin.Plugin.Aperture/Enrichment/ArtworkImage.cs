namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// One image offered for an item.
/// </summary>
/// <param name="Kind">Poster, backdrop or logo.</param>
/// <param name="Url">The full image URL (original size).</param>
/// <param name="ThumbnailUrl">A smaller version for the image picker.</param>
/// <param name="Language">ISO 639-1 language of text in the image, or null for none.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="CommunityRating">TMDb vote average.</param>
/// <param name="VoteCount">TMDb vote count.</param>
public sealed record ArtworkImage(RemoteImageKind Kind, string Url, string ThumbnailUrl, string? Language, int Width, int Height, double CommunityRating, int VoteCount);
