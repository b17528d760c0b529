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
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// Optional, off by default: the chat model tags each movie and series with 1-3 moods from a fixed vocabulary,
/// written as Jellyfin tags "Mood: Tense", 20 titles per call, within the daily token budget AI-written reasons use.
/// A title is tagged once; a changed title, year or overview tags it again (its earlier moods are replaced). When the
/// budget is spent the run stops and the next day's run goes on. A failed call or an answer that cannot be read
/// writes nothing for its titles. Turning the option off removes nothing already written.
/// </summary>
public sealed class MoodTagger
{
    /// <summary>The prefix of every mood tag.</summary>
    public const string Prefix = "Mood: ";

    private const int BatchSize = 20;
    private const int MaxMoods = 3;
    private const int MaxOverviewChars = 600;

    // Prompt (title, year, overview) and answer per title, so a call does not start when the budget cannot cover it.
    private const int TokensPerTitleEstimate = 80;

    private readonly IUpstreamPipeline _pipeline;
    private readonly StoredTargets _targets;
    private readonly ReasonTokenLedger _ledger;
    private readonly IPicksLibrary _library;
    private readonly ApertureDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger<MoodTagger> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="MoodTagger"/> class.
    /// </summary>
    /// <param name="pipeline">The upstream pipeline.</param>
    /// <param name="targets">The saved AI provider target.</param>
    /// <param name="ledger">The token ledger shared with AI-written reasons.</param>
    /// <param name="library">The Jellyfin side, which writes the tags.</param>
    /// <param name="database">The plugin database.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public MoodTagger(IUpstreamPipeline pipeline, StoredTargets targets, ReasonTokenLedger ledger, IPicksLibrary library, ApertureDatabase database, TimeProvider time, ILogger<MoodTagger> logger)
    {
        _pipeline = pipeline;
        _targets = targets;
        _ledger = ledger;
        _library = library;
        _database = database;
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets the moods the chat model may choose from.</summary>
    public static IReadOnlyList<string> Vocabulary { get; } =
    [
        "Feel-good", "Dark", "Tense", "Funny", "Romantic", "Mind-bending", "Epic", "Slow-burn", "Heartwarming",
        "Bleak", "Whimsical", "Thought-provoking", "Action-packed", "Scary", "Nostalgic", "Inspiring", "Melancholic",
        "Quirky", "Gritty", "Uplifting",
    ];

    /// <summary>
    /// Tags the titles not yet tagged (or changed since) while the option is on and the budget allows.
    /// </summary>
    /// <param name="titles">The library's titles.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A summary for the log, or null when the option is off.</returns>
    public async Task<string?> RunAsync(IReadOnlyList<PickTitle> titles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(titles);
        if (_targets.Get(IntegrationIds.Ai, "apiKey", out var key) is not { } target
            || !(target.Options.TryGetValue(AiOptions.AiMoodTags, out var on) && on.Trim().Equals("on", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var known = Known();
        var pending = titles
            .Select(t => (Title: t, Hash: EmbeddingText.Hash(Text(t))))
            .Where(p => !known.TryGetValue(p.Title.Id, out var k) || k.Hash != p.Hash)
            .ToList();
        var budget = ReasonWriter.DailyBudget(target.Options);
        var model = target.Options.TryGetValue(AiOptions.ChatModel, out var m) && !string.IsNullOrWhiteSpace(m) ? m.Trim() : AiOptions.DefaultChatModel;
        var tagged = 0;
        for (var start = 0; start < pending.Count; start += BatchSize)
        {
            var batch = pending.Skip(start).Take(BatchSize).ToList();
            var now = _time.GetUtcNow();
            if (_ledger.Used(now) + (batch.Count * TokensPerTitleEstimate) > budget)
            {
                _logger.LogInformation("AI mood tags: today's token budget is spent; {Left} titles wait for the next day", pending.Count - start);
                return $"Mood tags: {tagged} titles tagged, {pending.Count - start} wait for tomorrow's budget.";
            }

            var response = await _pipeline.SendAsync(Request(target, key, model, batch.Select(b => b.Title).ToList()), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                _logger.LogWarning("AI mood tags failed; the next run tries again: {Reason}", response.Message);
                return $"Mood tags: {tagged} titles tagged, then a failed call.";
            }

            var (moods, tokens) = Read(response.Body, batch.Count);
            _ledger.Add(now, tokens ?? batch.Count * TokensPerTitleEstimate);
            if (moods is null)
            {
                _logger.LogWarning("AI mood tags: the chat model's answer could not be read; nothing written for {Count} titles", batch.Count);
                continue;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                if (moods[i].Count == 0)
                {
                    continue;
                }

                var (title, hash) = batch[i];
                var before = known.TryGetValue(title.Id, out var k) ? k.Moods : [];
                var add = moods[i].Select(x => Prefix + x).ToList();
                if (await _library.ReplaceTagsAsync(title.Id, before.Select(x => Prefix + x).Except(add).ToList(), add, cancellationToken).ConfigureAwait(false))
                {
                    Save(title.Id, hash, moods[i]);
                    tagged++;
                }
            }
        }

        return $"Mood tags: {tagged} titles tagged.";
    }

    // What the moods come from: a changed overview (or title, year) tags the title again.
    private static string Text(PickTitle title) => string.Join('\n', title.Name.Trim(), title.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, title.Overview?.Trim() ?? string.Empty);

    private static UpstreamRequest Request(IntegrationTarget target, string key, string model, IReadOnlyList<PickTitle> batch)
    {
        var titles = new JsonArray(batch.Select((t, i) => (JsonNode?)new JsonObject
        {
            ["id"] = i,
            ["title"] = t.Name,
            ["year"] = t.Year,
            ["overview"] = t.Overview is { Length: > MaxOverviewChars } o ? o[..MaxOverviewChars] : t.Overview,
        }).ToArray());
        var body = new JsonObject
        {
            ["model"] = model,
            ["response_format"] = new JsonObject { ["type"] = "json_object" },
            ["messages"] = new JsonArray(
                new JsonObject
                {
                    ["role"] = "system",
                    ["content"] = "You tag films and TV series with their mood. For each title choose 1 to 3 moods, only from this list: "
                        + string.Join(", ", Vocabulary)
                        + ". Answer only with JSON: {\"moods\": [{\"id\": the title's id, \"moods\": [mood, ...]}, ...]}.",
                },
                new JsonObject { ["role"] = "user", ["content"] = new JsonObject { ["titles"] = titles }.ToJsonString() }),
        };
        return SourceCall.Create(
            IntegrationIds.Ai,
            target,
            "chat/completions",
            RequestPriority.Background,
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + key },
            HttpMethod.Post,
            body.ToJsonString());
    }

    // Strict: anything but {"moods": [{"id": n, "moods": ["..."]}]} with ids of this batch is no answer at all;
    // words outside the vocabulary are dropped, at most three kept, in the vocabulary's spelling.
    private static (List<List<string>>? Moods, long? Tokens) Read(string body, int count)
    {
        if (JsonBody.TryParseObject(body) is not { } root)
        {
            return (null, null);
        }

        long? tokens = root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object ? usage.GetInt64("total_tokens") : null;
        if (!root.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0
            || choices[0].GetObject("message")?.GetText("content") is not { } content
            || JsonBody.TryParseObject(content) is not { } answer
            || !answer.TryGetProperty("moods", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return (null, tokens);
        }

        var result = Enumerable.Range(0, count).Select(_ => new List<string>()).ToList();
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object
                || !entry.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt32(out var index) || index < 0 || index >= count
                || !entry.TryGetProperty("moods", out var words) || words.ValueKind != JsonValueKind.Array
                || words.EnumerateArray().Any(w => w.ValueKind != JsonValueKind.String))
            {
                return (null, tokens);
            }

            result[index] = words.EnumerateArray()
                .Select(w => Vocabulary.FirstOrDefault(v => v.Equals(w.GetString()?.Trim(), StringComparison.OrdinalIgnoreCase)))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .Take(MaxMoods)
                .ToList();
        }

        return (result, tokens);
    }

    private Dictionary<Guid, (string Hash, string[] Moods)> Known()
    {
        var known = new Dictionary<Guid, (string Hash, string[] Moods)>();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT item_id, text_hash, moods FROM ai_mood_tags";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (Guid.TryParse(reader.GetString(0), out var id))
            {
                known[id] = (reader.GetString(1), reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return known;
    }

    private void Save(Guid itemId, string hash, IReadOnlyList<string> moods)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO ai_mood_tags (item_id, text_hash, moods) VALUES ($id, $hash, $moods) ON CONFLICT (item_id) DO UPDATE SET text_hash = excluded.text_hash, moods = excluded.moods";
        command.Parameters.AddWithValue("$id", itemId.ToString("N", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$hash", hash);
        command.Parameters.AddWithValue("$moods", string.Join(',', moods));
        command.ExecuteNonQuery();
    }
}
