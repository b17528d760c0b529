namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>What Seerr's details of a title tell Discover.</summary>
/// <param name="Status">The raw <c>mediaInfo.status</c>, or null when Seerr has never seen the title.</param>
/// <param name="PosterPath">TMDb's poster path (e.g. "/abc.jpg"), when known.</param>
public sealed record SeerrMedia(long? Status, string? PosterPath);
