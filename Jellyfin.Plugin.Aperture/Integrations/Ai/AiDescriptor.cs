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
        ],
        new Uri("https://api.openai.com/v1"),
        new IntegrationLimits(60, TimeSpan.FromSeconds(60), 0, 0, 2, TimeSpan.FromSeconds(30)),
        ["AI picks and explanations"],
        new Uri("https://platform.openai.com/api-keys"));
}
