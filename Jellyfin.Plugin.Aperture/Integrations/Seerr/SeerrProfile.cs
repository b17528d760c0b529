namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>A quality profile of a Radarr or Sonarr server.</summary>
/// <param name="Id">The profile id (the request's <c>profileId</c>).</param>
/// <param name="Name">The name.</param>
public sealed record SeerrProfile(long Id, string Name);
