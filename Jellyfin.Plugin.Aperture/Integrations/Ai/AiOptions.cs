namespace Jellyfin.Plugin.Aperture.Integrations.Ai;

/// <summary>The names and defaults of the AI provider's options.</summary>
internal static class AiOptions
{
    /// <summary>The chat model option.</summary>
    public const string ChatModel = "chatModel";

    /// <summary>The embedding model option.</summary>
    public const string EmbeddingModel = "embeddingModel";

    /// <summary>The default chat model.</summary>
    public const string DefaultChatModel = "gpt-4o-mini";

    /// <summary>The default embedding model.</summary>
    public const string DefaultEmbeddingModel = "text-embedding-3-small";

    // AI picks (issue 11): the embedding size, and each user's picks playlist.

    /// <summary>The embedding dimensions option: "auto" or a number.</summary>
    public const string EmbeddingDimensions = "embeddingDimensions";

    /// <summary>The picks playlist name option.</summary>
    public const string PicksPlaylist = "picksPlaylist";

    /// <summary>The picks count option.</summary>
    public const string PicksCount = "picksCount";

    /// <summary>The picks movie share option (percent of picks that are movies).</summary>
    public const string PicksMovieShare = "picksMovieShare";

    /// <summary>The option that turns AI-written reasons on ("on"/"off", off by default).</summary>
    public const string AiReasons = "aiReasons";

    /// <summary>The option that turns AI mood/theme tags on ("on"/"off", off by default).</summary>
    public const string AiMoodTags = "aiMoodTags";

    /// <summary>The daily token budget of AI-written reasons and AI mood tags together.</summary>
    public const string ReasonTokensPerDay = "reasonTokensPerDay";

    /// <summary>The default picks playlist name.</summary>
    public const string DefaultPicksPlaylist = "Aperture Picks";
}
