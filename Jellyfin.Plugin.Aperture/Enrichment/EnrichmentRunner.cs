using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// The backfill: walks the library most-watched first, then newest first (free daily quotas go where users look), enriches only items that are due, uses MDBList batch lookups
/// where the account allows them, and records a summary. A run killed half-way resumes where it stopped because
/// each item's state is saved as soon as it is fetched.
/// </summary>
public sealed class EnrichmentRunner : IDisposable
{
    private const int KeepRuns = 100;
    private static readonly TimeSpan KeepResolvedAlerts = TimeSpan.FromDays(30);
    private static readonly string[] _services = { IntegrationIds.Tmdb, IntegrationIds.MdbList, IntegrationIds.Omdb };
    private readonly EnrichmentEngine _engine;
    private readonly EnrichmentStore _store;
    private readonly EnrichmentQueueStore _queue;
    private readonly ItemWriteLog _writes;
    private readonly AlertStore _alerts;
    private readonly IReadOnlyList<IRatingsSource> _ratings;
    private readonly IntegrationStatusService _status;
    private readonly TimeProvider _time;
    private readonly ILogger<EnrichmentRunner> _logger;
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);

    /// <summary>
    /// Initializes a new instance of the <see cref="EnrichmentRunner"/> class.
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <param name="store">The store.</param>
    /// <param name="queue">The items the last scans queued (enriched first).</param>
    /// <param name="writes">Which items were written, and with which switches.</param>
    /// <param name="alerts">The alerts (old resolved ones are pruned after a run).</param>
    /// <param name="ratings">The ratings sources (a batch-capable one is used for batches).</param>
    /// <param name="status">Tells which services are configured.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public EnrichmentRunner(EnrichmentEngine engine, EnrichmentStore store, EnrichmentQueueStore queue, ItemWriteLog writes, AlertStore alerts, IEnumerable<IRatingsSource> ratings, IntegrationStatusService status, TimeProvider time, ILogger<EnrichmentRunner> logger)
    {
        _engine = engine;
        _store = store;
        _queue = queue;
        _writes = writes;
        _alerts = alerts;
        _ratings = ratings.ToList();
        _status = status;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Runs the backfill over a library.
    /// </summary>
    /// <param name="library">Every movie and series.</param>
    /// <param name="applier">Writes data to the items.</param>
    /// <param name="progress">Progress, 0–100.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The summary (also stored with the run).</returns>
    public async Task<RunSummary> RunAsync(IReadOnlyList<LibraryItem> library, IEnrichmentApplier applier, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(applier);
        ArgumentNullException.ThrowIfNull(progress);
        await _oneRunAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        var summary = new RunSummary { StartedAt = _time.GetUtcNow(), Total = library.Count };
        summary.RunId = _store.StartRun(summary.StartedAt);
        try
        {
            var configured = _services.Where(_status.IsConfigured).ToList();
            foreach (var skipped in _services.Except(configured))
            {
                summary.SkippedServices.Add(skipped);
                _logger.LogInformation("Aperture enrichment: {Service} is not configured; its data is skipped this run", skipped);
            }

            var dueTimes = configured.ToDictionary(s => s, _store.GetDueTimes);
            var queued = _queue.GetAll();
            var signature = ItemWriteLog.Signature(_engine.Settings);
            var rewrite = _writes.GetOutdated(signature);
            var written = _writes.GetKnown();

            // What the last scan queued goes first, so new items get their data minutes after they appear even
            // when a large backlog is due.
            var work = library
                .Where(i => i.HasAnyId && (queued.Contains(i.Id)
                    || rewrite.Contains(i.Id)
                    || (!written.Contains(i.Id) && configured.Any(s => dueTimes[s].ContainsKey(i.Id)))
                    || configured.Any(s => Applies(s, i) && _engine.IsDue(dueTimes[s], i.Id))))
                .OrderByDescending(i => queued.Contains(i.Id))
                .ThenByDescending(i => i.Viewers)
                .ThenByDescending(i => i.DateCreated)
                .ToList();
            ForgetQueuedOutside(queued, work);
            summary.Due = work.Count;
            summary.Unchanged = library.Count - work.Count;

            var batch = configured.Contains(IntegrationIds.MdbList) ? _ratings.OfType<IBatchRatingsSource>().FirstOrDefault() : null;
            // A run with nothing due sends nothing, not even the account check.
            var batchSize = batch is null || work.Count == 0 ? 0 : await batch.GetBatchSizeAsync(cancellationToken).ConfigureAwait(false);
            var chunkSize = Math.Max(1, batchSize);
            for (var start = 0; start < work.Count; start += chunkSize)
            {
                var chunk = work.Skip(start).Take(chunkSize).ToList();
                if (batchSize > 1)
                {
                    await PrefetchBatchAsync(batch!, chunk, dueTimes[IntegrationIds.MdbList], cancellationToken).ConfigureAwait(false);
                }

                for (var i = 0; i < chunk.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await EnrichOneAsync(chunk[i], applier, summary, signature, cancellationToken).ConfigureAwait(false);
                    if (queued.Contains(chunk[i].Id))
                    {
                        _queue.Remove(chunk[i].Id);
                    }

                    progress.Report(100.0 * (start + i + 1) / work.Count);
                }
            }

            summary.Status = "completed";
            Prune(library);
            return summary;
        }
        catch (OperationCanceledException)
        {
            summary.Status = "cancelled";
            throw;
        }
        catch (Exception ex)
        {
            // Per-item problems never get here; this is the run itself failing (the library or database unreadable).
            summary.Status = "failed";
            _logger.LogError("Aperture enrichment run failed ({Error}); the next run starts over with what is due", ex.GetType().Name);
            throw;
        }
        finally
        {
            summary.FinishedAt = _time.GetUtcNow();
            RecordFinish(summary);
            _logger.LogInformation(
                "Aperture enrichment {Status}: {Due} of {Total} items due, {Enriched} enriched, {Unchanged} unchanged, failed {Failed}, deferred by quota {Deferred}",
                summary.Status,
                summary.Due,
                summary.Total,
                summary.Enriched,
                summary.Unchanged,
                JsonSerializer.Serialize(summary.FailedByReason),
                JsonSerializer.Serialize(summary.DeferredByService));
            _oneRunAtATime.Release();
        }
    }

    private async Task PrefetchBatchAsync(IBatchRatingsSource batch, List<LibraryItem> chunk, IReadOnlyDictionary<Guid, DateTimeOffset> due, CancellationToken cancellationToken)
    {
        foreach (var group in chunk.Where(i => batch.Covers(i.Kind) && _engine.IsDue(due, i.Id)).GroupBy(i => i.Kind))
        {
            var results = await batch.GetManyAsync(group.ToList(), RequestPriority.Background, cancellationToken).ConfigureAwait(false);
            foreach (var (itemId, result) in results)
            {
                _engine.Record(batch.Service, itemId, result);
            }
        }
    }

    private void RecordFinish(RunSummary summary)
    {
        try
        {
            _store.FinishRun(summary.RunId, summary.Status, JsonSerializer.Serialize(summary), summary.FinishedAt!.Value);
        }
#pragma warning disable CA1031 // The run is over either way; the next run's start marks this one interrupted.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError("Aperture enrichment could not record the end of run {RunId} ({Error}); the next run marks it interrupted", summary.RunId, ex.GetType().Name);
        }
    }

    private async Task EnrichOneAsync(LibraryItem item, IEnrichmentApplier applier, RunSummary summary, string signature, CancellationToken cancellationToken)
    {
        IReadOnlyList<StepResult> steps;
        bool changed;
        try
        {
            steps = await _engine.EnrichAsync(item, RequestPriority.Background, cancellationToken).ConfigureAwait(false);
            changed = await applier.ApplyAsync(item, _engine.GetMerged(item.Id), cancellationToken).ConfigureAwait(false);
            _writes.Written(item.Id, signature);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One bad item (a database error, a payload that no longer parses, a failed save) must not end the run.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // The type only: an exception message can quote a URL, a path or a stored value.
            var reason = "could not enrich or save the item (" + ex.GetType().Name + ")";
            Count(summary.FailedByReason, ItemWriteLog.Service + ": " + reason);
            _logger.LogWarning("Aperture enrichment: {Name} {Reason}; it is tried again at the next run", item.Name, reason);
            TryRecordFailure(item.Id, reason);
            return;
        }

        var failed = steps.FirstOrDefault(s => s.Kind == StepKind.Failed);
        var deferred = steps.FirstOrDefault(s => s.Kind == StepKind.Deferred);
        if (failed is not null)
        {
            Count(summary.FailedByReason, failed.Service + ": " + failed.Message);
            _logger.LogDebug("Aperture enrichment: {Name} failed with {Service} ({Reason}); retried later", item.Name, failed.Service, failed.Message);
        }
        else if (deferred is not null)
        {
            Count(summary.DeferredByService, deferred.Service);
        }
        else if (changed)
        {
            summary.Enriched++;
        }
        else
        {
            summary.Unchanged++;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _oneRunAtATime.Dispose();

    // Only after a completed run, and never on an empty library read, so a library that failed to load cannot
    // wipe what Aperture knows.
    private void Prune(IReadOnlyList<LibraryItem> library)
    {
        if (library.Count == 0)
        {
            return;
        }

        var removed = _store.Prune(library.Select(i => i.Id).ToList(), KeepRuns);
        var alerts = _alerts.PruneResolved(_time.GetUtcNow() - KeepResolvedAlerts);
        _logger.LogDebug("Aperture enrichment pruned {Rows} rows of removed items and {Alerts} old resolved alerts", removed, alerts);
    }

    private void TryRecordFailure(Guid itemId, string reason)
    {
        try
        {
            _writes.Failed(itemId, reason);
        }
#pragma warning disable CA1031 // The database itself may be what failed; the item then stays due through its service states.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogWarning("Aperture enrichment could not record the failure of item {ItemId} ({Error})", itemId, ex.GetType().Name);
        }
    }

    // A queued item that left the library, or has no id any service knows, is never worked on: drop it, so the
    // queue only ever holds items a run still has to handle.
    private void ForgetQueuedOutside(IReadOnlySet<Guid> queued, List<LibraryItem> work)
    {
        var inWork = work.Select(i => i.Id).ToHashSet();
        foreach (var id in queued.Where(id => !inWork.Contains(id)))
        {
            _queue.Remove(id);
        }
    }

    // A service that never rates this kind (OMDb and series) stores no state for it, so it must not make the
    // item look due forever.
    private bool Applies(string service, LibraryItem item) =>
        service == IntegrationIds.Tmdb || _ratings.Any(r => r.Service == service && r.Covers(item.Kind));

    private static void Count(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
}
