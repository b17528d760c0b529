using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Jellyfin.Plugin.Aperture.Configuration;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// Remembers, per item, whether its data was written to the media server and with which "What to write" switches.
/// An item whose write failed, or that was written before a switch changed, is due again at the next run, instead
/// of waiting for its data to go stale (30 days by default).
/// </summary>
/// <remarks>
/// Kept as one more row per item in the enrichment table (service <see cref="Service"/>), so the per-item problem
/// list shows a failed write beside failed service calls, and pruning an item removes it too.
/// </remarks>
public sealed class ItemWriteLog
{
    /// <summary>The pseudo-service name of the write rows.</summary>
    public const string Service = "jellyfin";

    private readonly EnrichmentStore _store;
    private readonly TimeProvider _time;

    /// <summary>
    /// Initializes a new instance of the <see cref="ItemWriteLog"/> class.
    /// </summary>
    /// <param name="store">The enrichment store.</param>
    /// <param name="time">The clock.</param>
    public ItemWriteLog(EnrichmentStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>
    /// Describes the switches that change what is written, so a change is noticed per item.
    /// </summary>
    /// <param name="settings">The enrichment settings.</param>
    /// <returns>A short, stable text.</returns>
    public static string Signature(EnrichmentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.Join(
            ';',
            Flag("critic", settings.CriticRating),
            Flag("tags", settings.KeywordTags),
            Flag("collections", settings.Collections),
            Flag("crew", settings.ExtraCrew),
            Flag("awards", settings.Awards),
            Flag("scoretags", settings.ScoreTags),
            "order=" + settings.CriticSourceOrder);
    }

    /// <summary>
    /// Reads which items need a write at the next run: written with other switches, or whose write failed.
    /// Items never written are absent; the caller decides about them.
    /// </summary>
    /// <param name="signature">The current <see cref="Signature"/>.</param>
    /// <returns>The ids of items whose last write is out of date.</returns>
    public IReadOnlySet<Guid> GetOutdated(string signature)
    {
        var now = _time.GetUtcNow();
        return _store.GetStates(Service)
            .Where(s => s.Status != EnrichmentStatus.Fetched || s.NextDueAt <= now || !string.Equals(s.Payload, signature, StringComparison.Ordinal))
            .Select(s => s.ItemId)
            .ToHashSet();
    }

    /// <summary>
    /// Reads which items were ever written (so an item written before this log existed is written once more).
    /// </summary>
    /// <returns>The item ids.</returns>
    public IReadOnlySet<Guid> GetKnown() => _store.GetDueTimes(Service).Keys.ToHashSet();

    /// <summary>
    /// Records a successful write.
    /// </summary>
    /// <param name="itemId">The item id.</param>
    /// <param name="signature">The switches it was written with.</param>
    public void Written(Guid itemId, string signature)
    {
        var now = _time.GetUtcNow();
        _store.Save(new EnrichmentState(itemId, Service, EnrichmentStatus.Fetched, 0, now, DateTimeOffset.MaxValue, null, signature), now);
    }

    /// <summary>
    /// Records that the item could not be enriched or written; it is due again at the next run.
    /// </summary>
    /// <param name="itemId">The item id.</param>
    /// <param name="reason">What failed, without secrets (an exception type, not its message).</param>
    public void Failed(Guid itemId, string reason)
    {
        var now = _time.GetUtcNow();
        _store.GetAll(itemId).TryGetValue(Service, out var previous);
        var attempts = (previous?.Status == EnrichmentStatus.Failed ? previous.Attempts : 0) + 1;
        _store.Save(new EnrichmentState(itemId, Service, EnrichmentStatus.Failed, attempts, previous?.FetchedAt, now, reason, null), now);
    }

    private static string Flag(string name, bool on) => name + "=" + (on ? "1" : "0");
}
