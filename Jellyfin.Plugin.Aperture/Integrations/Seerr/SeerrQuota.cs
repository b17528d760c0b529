namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>What is left of a user's request quota (<c>GET /api/v1/user/{id}/quota</c>); null means no limit.</summary>
/// <param name="MoviesLeft">Movie requests left in the quota window.</param>
/// <param name="SeriesLeft">Series requests left in the quota window.</param>
public sealed record SeerrQuota(int? MoviesLeft, int? SeriesLeft);
