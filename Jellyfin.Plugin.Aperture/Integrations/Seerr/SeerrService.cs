namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>A Radarr or Sonarr server Seerr sends requests to.</summary>
/// <param name="Id">Seerr's id of the server (the request's <c>serverId</c>).</param>
/// <param name="Name">The name shown in Seerr.</param>
/// <param name="Is4k">True for a 4K server.</param>
/// <param name="IsDefault">True for the default server (of its kind, 4K or not).</param>
public sealed record SeerrService(long Id, string Name, bool Is4k, bool IsDefault);
