using System;

namespace Jellyfin.Plugin.Aperture.Integrations.Ai;

/// <summary>What the settings page shows for the AI provider, and its default budget.</summary>
internal static class AiDescriptor
{
    /// <summary>Gets the descriptor.</summary>
    public static IntegrationDescriptor Value { get; } = new(
        IntegrationIds.Ai,
        "AI provider",
        1,
        IntegrationPriority.Essential,
        "AI picks and explanations from an OpenAI-compatible provider: OpenAI, or a local Ollama (base URL http://localhost:11434/v1) or LM Studio.",
        [new CredentialField("apiKey", "API key", true, "For Ollama or LM Studio enter any text")],
        [
            new OptionField(AiOptions.ChatModel, "Chat model", "The model that writes picks and explanations.", AiOptions.DefaultChatModel),
            new OptionField(AiOptions.EmbeddingModel, "Embedding model", "The model that turns titles into vectors for similarity.", AiOptions.DefaultEmbeddingModel),
            new OptionField(AiOptions.EmbeddingDimensions, "Embedding size", "Dimensions asked of the model; auto asks 256 of OpenAI's text-embedding-3 models and the model's own size of others.", "auto", ["auto", "256", "512", "1024"]),
            new OptionField(AiOptions.PicksPlaylist, "Picks playlist", "The name of each user's AI picks playlist.", AiOptions.DefaultPicksPlaylist, MaxLength: 100),
            new OptionField(AiOptions.PicksCount, "Picks per user", "How many titles each user's picks hold.", "20", ["10", "20", "30", "50"]),
            new OptionField(AiOptions.AiReasons, "AI-written reasons", "Whether the chat model rewrites each pick's reason in one line (uses tokens; off by default).", "off", ["on", "off"]),
            new OptionField(AiOptions.AiMoodTags, "AI mood tags", "Whether the chat model tags each movie and series with 1-3 moods (\"Mood: Tense\"), once per title (uses tokens; off by default; turning it off removes nothing).", "off", ["on", "off"]),
            new OptionField(AiOptions.ReasonTokensPerDay, "Reason tokens per day", "The most tokens AI-written reasons and AI mood tags together may use per day (UTC); past it, reasons name the nearest liked titles and mood tagging waits for the next day.", "20000", ["5000", "20000", "100000"]),
            new OptionField(AiOptions.PicksMovieShare, "Movies among picks (%)", "The share of picks that are movies; the rest are series.", "70", ["0", "30", "50", "70", "100"]),
        ],
        new Uri("https://api.openai.com/v1"),
        new IntegrationLimits(60, TimeSpan.FromSeconds(60), 0, 0, 2, TimeSpan.FromSeconds(30)),
        ["AI picks and explanations"],
        new Uri("https://platform.openai.com/api-keys"));
}
