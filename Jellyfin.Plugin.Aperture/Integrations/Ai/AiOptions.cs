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
}
