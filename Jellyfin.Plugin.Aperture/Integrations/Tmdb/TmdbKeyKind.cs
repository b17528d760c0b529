namespace Jellyfin.Plugin.Aperture.Integrations.Tmdb;

/// <summary>The two forms of TMDb credential an admin may paste.</summary>
public enum TmdbKeyKind
{
    /// <summary>The 32-hex-character v3 API key, sent as the api_key query parameter.</summary>
    V3ApiKey,

    /// <summary>The API Read Access Token (a JWT starting "eyJ"), sent as a Bearer header.</summary>
    ReadAccessToken,

    /// <summary>Neither shape; sent as a v3 key so TMDb gives its own verdict.</summary>
    Unknown,
}
