using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Ai;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// Calls the AI provider's OpenAI-compatible <c>POST embeddings</c> through the pipeline (budget, retries, health),
/// up to <see cref="BatchSize"/> texts per call.
/// </summary>
public sealed class EmbeddingClient
{
    /// <summary>How many texts one call carries: OpenAI accepts 2,048, local servers are happier with fewer.</summary>
    public const int BatchSize = 64;

    private readonly IUpstreamPipeline _pipeline;
    private readonly StoredTargets _targets;

    /// <summary>
    /// Initializes a new instance of the <see cref="EmbeddingClient"/> class.
    /// </summary>
    /// <param name="pipeline">The upstream pipeline.</param>
    /// <param name="targets">The saved AI provider target.</param>
    public EmbeddingClient(IUpstreamPipeline pipeline, StoredTargets targets)
    {
        _pipeline = pipeline;
        _targets = targets;
    }

    /// <summary>
    /// Gets the embedding model configured now, or null when the AI provider is not set up (no key saved).
    /// </summary>
    /// <returns>The model and the dimensions to ask for (null: the model's own).</returns>
    public (string Model, int? Dimensions)? Configured()
    {
        if (_targets.Get(IntegrationIds.Ai, "apiKey", out _) is not { } target)
        {
            return null;
        }

        var model = target.Options.TryGetValue(AiOptions.EmbeddingModel, out var m) && !string.IsNullOrWhiteSpace(m) ? m.Trim() : AiOptions.DefaultEmbeddingModel;
        return (model, Dimensions(model, target.Options.TryGetValue(AiOptions.EmbeddingDimensions, out var d) ? d : null));
    }

    /// <summary>
    /// Embeds texts, one call per <see cref="BatchSize"/>.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="dimensions">The dimensions to ask for, or null.</param>
    /// <param name="texts">At most <see cref="BatchSize"/> texts.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>One vector per text in order, or the reason there are none.</returns>
    public async Task<EmbeddingResult> EmbedAsync(string model, int? dimensions, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(texts.Count, BatchSize);
        if (_targets.Get(IntegrationIds.Ai, "apiKey", out var key) is not { } target)
        {
            return EmbeddingResult.Failed("The AI provider is not set up: save its API key on the Aperture settings page.");
        }

        var body = new JsonObject { ["model"] = model, ["input"] = new JsonArray(texts.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()) };
        if (dimensions is { } d)
        {
            body["dimensions"] = d;
        }

        var request = SourceCall.Create(
            IntegrationIds.Ai,
            target,
            "embeddings",
            RequestPriority.Background,
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + key },
            HttpMethod.Post,
            body.ToJsonString());
        var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return EmbeddingResult.Failed(response.Message);
        }

        return Read(response.Body, texts.Count) is { } vectors
            ? new EmbeddingResult(vectors, null)
            : EmbeddingResult.Failed("The AI provider answered, but not with one embedding per title.");
    }

    /// <summary>
    /// Chooses the dimensions to ask for: only OpenAI's text-embedding-3 models accept the parameter.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="option">The option value: "auto" or a number.</param>
    /// <returns>The dimensions, or null for the model's own.</returns>
    internal static int? Dimensions(string model, string? option)
    {
        if (!model.StartsWith("text-embedding-3", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return int.TryParse(option, out var n) && n > 0 ? n : 256;
    }

    private static float[][]? Read(string body, int count)
    {
        if (JsonBody.TryParseObject(body) is not { } root
            || !root.TryGetProperty("data", out var data)
            || data.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var vectors = new float[count][];
        foreach (var entry in data.EnumerateArray())
        {
            if (!entry.TryGetProperty("index", out var index) || !index.TryGetInt32(out var i) || i < 0 || i >= count
                || !entry.TryGetProperty("embedding", out var embedding) || embedding.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            vectors[i] = embedding.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetSingle() : float.NaN).ToArray();
        }

        var dims = vectors[0]?.Length ?? 0;
        return dims > 0 && vectors.All(v => v is not null && v.Length == dims && v.All(float.IsFinite)) ? vectors : null;
    }
}
