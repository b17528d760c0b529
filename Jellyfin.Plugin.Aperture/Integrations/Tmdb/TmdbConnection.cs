namespace Jellyfin.Plugin.Aperture.Integrations.Tmdb;

/// <summary>
/// The saved TMDb endpoint and credential, resolved once per call.
/// </summary>
/// <param name="Target">The endpoint and credentials.</param>
/// <param name="Key">The v3 key or read access token.</param>
internal sealed record TmdbConnection(IntegrationTarget Target, string Key);
