using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Ai;

/// <summary>
/// The AI provider: proves the key with <c>GET models</c>, the cheapest authenticated call, and checks that the
/// configured chat and embedding models are offered. Older Ollama has no <c>/v1/models</c>; its native
/// <c>api/tags</c> is asked instead.
/// </summary>
public sealed class AiIntegration : IIntegration
{
    private readonly IUpstreamPipeline _pipeline;

    /// <summary>
    /// Initializes a new instance of the <see cref="AiIntegration"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    public AiIntegration(IUpstreamPipeline pipeline)
    {
        _pipeline = pipeline;
    }

    /// <inheritdoc />
    public IntegrationDescriptor Descriptor => AiDescriptor.Value;

    /// <inheritdoc />
    public IUpstreamClassifier Classifier { get; } = new AiClassifier();

    /// <inheritdoc />
    public async Task<ConnectionTestResult> TestConnectionAsync(IntegrationTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var key = target.Credentials.Get("apiKey");
        if (key is null)
        {
            return ConnectionTestResults.Missing("AI provider", "API key (for Ollama or LM Studio any text)");
        }

        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + key };
        var details = new Dictionary<string, string>();
        var response = await _pipeline.SendAsync(ConnectionTestCall.Create(IntegrationIds.Ai, target, "models", headers), cancellationToken).ConfigureAwait(false);
        var models = response.IsSuccess ? AiModelList.FromOpenAi(response.Body) : null;

        if (response.Outcome == UpstreamOutcome.NotFound)
        {
            var native = target with { BaseUrl = WithoutV1(target.BaseUrl) };
            response = await _pipeline.SendAsync(ConnectionTestCall.Create(IntegrationIds.Ai, native, "api/tags", headers), cancellationToken).ConfigureAwait(false);
            models = response.IsSuccess ? AiModelList.FromOllama(response.Body) : null;
            details["API"] = "Ollama native (api/tags)";
        }

        if (!response.IsSuccess)
        {
            var message = response.Outcome == UpstreamOutcome.NotFound
                ? "No model list at this base URL: check it ends in /v1 (OpenAI https://api.openai.com/v1, Ollama http://localhost:11434/v1)."
                : null;
            return ConnectionTestResults.Failed(response, details, message);
        }

        if (models is null)
        {
            return ConnectionTestResults.Unreadable("the AI provider", "a model list");
        }

        details["Models offered"] = models.Count.ToString(CultureInfo.InvariantCulture);
        var missing = new List<string>();
        foreach (var (option, fallback, label) in new[]
        {
            (AiOptions.ChatModel, AiOptions.DefaultChatModel, "Chat model"),
            (AiOptions.EmbeddingModel, AiOptions.DefaultEmbeddingModel, "Embedding model"),
        })
        {
            var model = target.Options.TryGetValue(option, out var configured) && !string.IsNullOrWhiteSpace(configured) ? configured : fallback;
            var found = models.Contains(model);
            details[label] = model + (found ? " (found)" : " (not found)");
            if (!found)
            {
                missing.Add(model);
            }
        }

        var warning = missing.Count == 0
            ? null
            : string.Join(" ", missing.Select(m => $"Model {m} not found on the provider: pick one it offers (or pull it in Ollama)."));
        return new ConnectionTestResult(UpstreamOutcome.Success, "The AI provider accepted the key.", details, warning);
    }

    /// <summary>
    /// Gets the provider root for Ollama's native API: the base URL without a trailing /v1.
    /// </summary>
    /// <param name="baseUrl">The OpenAI-compatible base URL.</param>
    /// <returns>The root URL.</returns>
    internal static Uri WithoutV1(Uri baseUrl)
    {
        var path = baseUrl.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^3];
        }

        return new UriBuilder(baseUrl) { Path = path + "/" }.Uri;
    }
}
