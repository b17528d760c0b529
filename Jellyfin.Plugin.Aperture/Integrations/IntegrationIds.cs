namespace Jellyfin.Plugin.Aperture.Integrations;

/// <summary>The stable ids of the six integrations, as used in the API, settings and database.</summary>
public static class IntegrationIds
{
    /// <summary>The Movie Database.</summary>
    public const string Tmdb = "tmdb";

    /// <summary>The Open Movie Database.</summary>
    public const string Omdb = "omdb";

    /// <summary>Trakt.</summary>
    public const string Trakt = "trakt";

    /// <summary>MDBList.</summary>
    public const string MdbList = "mdblist";

    /// <summary>Jellyseerr / Seerr / Overseerr.</summary>
    public const string Seerr = "seerr";

    /// <summary>An OpenAI-compatible AI provider (OpenAI, Ollama, LM Studio, …).</summary>
    public const string Ai = "ai";
}
