namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>The server's kind and version.</summary>
/// <param name="Kind">Overseerr, Jellyseerr or Seerr.</param>
/// <param name="Version">The version it reports.</param>
public sealed record SeerrServerInfo(SeerrServerKind Kind, string? Version);
