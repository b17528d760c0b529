using System;
using System.Collections.Generic;
using System.Globalization;
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
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// Optional, off by default: one chat completion per user rewrites their picks' reasons in one line each, within a
/// daily token budget. Whatever goes wrong (off, no provider, budget spent, a failed or unreadable answer), the picks
/// keep the reasons that name the nearest liked titles.
/// </summary>
public sealed class ReasonWriter
{
    // Picks and liked titles sent per call; the estimate keeps a call from starting when the budget cannot cover it.
    private const int MaxLiked = 5;
    private const int TokensPerPickEstimate = 60;
    private const int MaxReasonLength = 160;

    private readonly IUpstreamPipeline _pipeline;
    private readonly StoredTargets _targets;
    private readonly ReasonTokenLedger _ledger;
    private readonly TimeProvider _time;
    private readonly ILogger<ReasonWriter> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="ReasonWriter"/> class.
    /// </summary>
    /// <param name="pipeline">The upstream pipeline.</param>
    /// <param name="targets">The saved AI provider target.</param>
    /// <param name="ledger">The token ledger.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public ReasonWriter(IUpstreamPipeline pipeline, StoredTargets targets, ReasonTokenLedger ledger, TimeProvider time, ILogger<ReasonWriter> logger)
    {
        _pipeline = pipeline;
        _targets = targets;
        _ledger = ledger;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Gets today's use against the budget, or null when AI-written reasons are off.
    /// </summary>
    /// <param name="options">The AI provider's options.</param>
    /// <returns>Tokens used today and the daily budget.</returns>
    public (long Used, long Budget)? Budget(IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return IsOn(options) ? (_ledger.Used(_time.GetUtcNow()), DailyBudget(options)) : null;
    }

    /// <summary>
    /// Rewrites the reasons when AI-written reasons are on and the budget allows.
    /// </summary>
    /// <param name="picks">The picks with their nearest-liked reasons.</param>
    /// <param name="liked">The names of the user's most liked titles.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The picks, with AI-written reasons where the answer gave one.</returns>
    public async Task<IReadOnlyList<Pick>> WriteAsync(IReadOnlyList<Pick> picks, IReadOnlyList<string> liked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(picks);
        ArgumentNullException.ThrowIfNull(liked);
        if (picks.Count == 0 || _targets.Get(IntegrationIds.Ai, "apiKey", out var key) is not { } target || !IsOn(target.Options))
        {
            return picks;
        }

        var now = _time.GetUtcNow();
        if (_ledger.Used(now) + (picks.Count * TokensPerPickEstimate) > DailyBudget(target.Options))
        {
            _logger.LogInformation("AI picks: today's token budget for AI-written reasons is spent; reasons name the nearest liked titles");
            return picks;
        }

        var model = target.Options.TryGetValue(AiOptions.ChatModel, out var m) && !string.IsNullOrWhiteSpace(m) ? m.Trim() : AiOptions.DefaultChatModel;
        var prompt = new JsonObject
        {
            ["liked"] = new JsonArray(liked.Take(MaxLiked).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["picks"] = new JsonArray(picks.Select(p => (JsonNode?)new JsonObject { ["title"] = p.Name, ["hint"] = p.Reason }).ToArray()),
        };
        var body = new JsonObject
        {
            ["model"] = model,
            ["response_format"] = new JsonObject { ["type"] = "json_object" },
            ["messages"] = new JsonArray(
                new JsonObject
                {
                    ["role"] = "system",
                    ["content"] = "You write why a viewer may enjoy each recommended title, in one friendly line of at most 20 words, based on titles they liked. Answer only with JSON: {\"reasons\": [one string per pick, in order]}.",
                },
                new JsonObject { ["role"] = "user", ["content"] = prompt.ToJsonString() }),
        };
        var request = SourceCall.Create(
            IntegrationIds.Ai,
            target,
            "chat/completions",
            RequestPriority.Background,
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + key },
            HttpMethod.Post,
            body.ToJsonString());
        var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            _logger.LogWarning("AI picks: AI-written reasons failed, nearest-liked reasons kept: {Reason}", response.Message);
            return picks;
        }

        var (reasons, tokens) = Read(response.Body);
        _ledger.Add(now, tokens ?? picks.Count * TokensPerPickEstimate);
        if (reasons is null)
        {
            _logger.LogWarning("AI picks: the chat model's reasons could not be read; nearest-liked reasons kept");
            return picks;
        }

        return picks.Select((p, i) => i < reasons.Count && Clean(reasons[i]) is { } reason ? p with { Reason = reason } : p).ToList();
    }

    /// <summary>
    /// Reads the daily token budget AI-written reasons and AI mood tags share.
    /// </summary>
    /// <param name="options">The AI provider's options.</param>
    /// <returns>The budget in tokens.</returns>
    internal static long DailyBudget(IReadOnlyDictionary<string, string> options) =>
        options.TryGetValue(AiOptions.ReasonTokensPerDay, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 20_000;

    private static bool IsOn(IReadOnlyDictionary<string, string> options) =>
        options.TryGetValue(AiOptions.AiReasons, out var value) && value.Trim().Equals("on", StringComparison.OrdinalIgnoreCase);

    // One line, bounded, no markup worth keeping: the page shows it as text.
    private static string? Clean(string? text)
    {
        var line = string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length == 0 ? null : line.Length > MaxReasonLength ? line[..(MaxReasonLength - 1)] + "\u2026" : line;
    }

    private static (List<string?>? Reasons, long? Tokens) Read(string body)
    {
        if (JsonBody.TryParseObject(body) is not { } root)
        {
            return (null, null);
        }

        long? tokens = root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object ? usage.GetInt64("total_tokens") : null;
        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0
            || choices[0].GetObject("message")?.GetText("content") is not { } content
            || JsonBody.TryParseObject(content) is not { } answer
            || !answer.TryGetProperty("reasons", out var reasons) || reasons.ValueKind != JsonValueKind.Array)
        {
            return (null, tokens);
        }

        return (reasons.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.String ? r.GetString() : null).ToList(), tokens);
    }
}
