using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// Keeps the library's embeddings current: embeds only titles whose text changed (or that are new) under the
/// configured model, in batches, each batch saved as it arrives. After a model switch the new set fills in while
/// picks keep reading the old, complete one; the new set takes over once every title has a vector.
/// </summary>
public sealed class EmbeddingIndexer
{
    private readonly EmbeddingClient _client;
    private readonly EmbeddingStore _store;
    private readonly ILogger<EmbeddingIndexer> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="EmbeddingIndexer"/> class.
    /// </summary>
    /// <param name="client">The embeddings client.</param>
    /// <param name="store">The embeddings store.</param>
    /// <param name="logger">The logger.</param>
    public EmbeddingIndexer(EmbeddingClient client, EmbeddingStore store, ILogger<EmbeddingIndexer> logger)
    {
        _client = client;
        _store = store;
        _logger = logger;
    }

    /// <summary>
    /// Embeds what is missing or changed and says which model's vectors picks should read.
    /// </summary>
    /// <param name="titles">Every movie and series in the library.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What was done.</returns>
    public async Task<IndexResult> RunAsync(IReadOnlyList<PickTitle> titles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(titles);
        if (_client.Configured() is not { } configured)
        {
            return new IndexResult(null, 0, "The AI provider is not set up.");
        }

        var (model, dimensions) = configured;
        var hashes = _store.Hashes(model);
        var stale = titles
            .Select(t => (Title: t, Text: EmbeddingText.For(t)))
            .Select(x => (x.Title, x.Text, Hash: EmbeddingText.Hash(x.Text)))
            .Where(x => !hashes.TryGetValue(x.Title.Id, out var stored) || stored != x.Hash)
            .ToList();

        // Titles that left the library take their vectors with them. An empty read is not trusted to mean an empty
        // library (a library still loading would otherwise wipe every vector).
        if (titles.Count > 0)
        {
            var present = titles.Select(t => t.Id).ToHashSet();
            var gone = hashes.Keys.Where(id => !present.Contains(id)).ToList();
            if (gone.Count > 0)
            {
                _store.Remove(model, gone);
            }
        }

        var embedded = 0;
        string? error = null;
        foreach (var batch in stale.Chunk(EmbeddingClient.BatchSize))
        {
            var result = await _client.EmbedAsync(model, dimensions, batch.Select(b => b.Text).ToList(), cancellationToken).ConfigureAwait(false);
            if (result.Vectors is not { } vectors)
            {
                // Stop here: what was saved stays, and the next run resumes with what is still missing.
                error = result.Error;
                _logger.LogWarning("AI picks: embedding stopped after {Count} titles: {Reason}", embedded, result.Error);
                break;
            }

            _store.Save(model, batch.Select((b, i) => (b.Title.Id, b.Hash, QuantizedVector.From(vectors[i]))).ToList());
            embedded += batch.Length;
        }

        var active = _store.ActiveModel();
        var complete = error is null;
        if (complete && active != model)
        {
            // The new model's set is whole: switch, and drop sets of models no longer in use.
            _logger.LogInformation("AI picks: embeddings of {Model} complete; picks now use them", model);
            _store.SetActiveModel(model);
            _store.RemoveOtherModels([model]);
            active = model;
        }

        var message = error is null
            ? $"{embedded} of {titles.Count} titles embedded now, the rest unchanged."
            : $"{embedded} of {stale.Count} titles needing embeddings were embedded; the rest wait for the next refresh: {error}";
        if (active is not null && active != model)
        {
            message += $" Picks keep using {active} until every title has a {model} embedding.";
        }

        return new IndexResult(active, embedded, message);
    }
}
