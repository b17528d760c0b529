using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment.Engine;

/// <summary>Stands in for Jellyfin: records what would be written, and can kill the run after some items.</summary>
public sealed class RecordingApplier : IEnrichmentApplier
{
    private readonly CancellationTokenSource? _killAfter;
    private readonly int _limit;
    private int _count;

    public RecordingApplier(CancellationTokenSource? killAfter = null, int limit = int.MaxValue)
    {
        _killAfter = killAfter;
        _limit = limit;
    }

    public ConcurrentDictionary<Guid, EnrichedItem> Applied { get; } = new();

    public Task<bool> ApplyAsync(LibraryItem item, EnrichedItem data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        Applied[item.Id] = data;
        if (Interlocked.Increment(ref _count) >= _limit)
        {
            _killAfter?.Cancel();
        }

        return Task.FromResult(true);
    }
}
