using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// The items whose artwork a scan asked for and the cache did not have, waiting for <see cref="ArtworkFetcher"/>.
/// Bounded (a huge first scan drops the overflow; the next refresh or scan asks again) and de-duplicated (an item
/// waits once, whatever the number of refreshes that asked).
/// </summary>
public sealed class ArtworkBacklog
{
    /// <summary>How many items may wait.</summary>
    public const int Capacity = 5_000;

    private readonly Channel<ArtworkRequest> _channel = Channel.CreateBounded<ArtworkRequest>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly ConcurrentDictionary<(Guid ItemId, string Language), byte> _waiting = new();

    /// <summary>Gets how many items wait.</summary>
    public int Count => _waiting.Count;

    /// <summary>
    /// Adds an item unless it already waits or the queue is full. Never blocks: a scan calls this.
    /// </summary>
    /// <param name="request">The item and language.</param>
    /// <returns>Whether the item was added.</returns>
    public bool TryEnqueue(ArtworkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = (request.Item.Id, request.Language);
        if (!_waiting.TryAdd(key, 0))
        {
            return false;
        }

        if (_channel.Writer.TryWrite(request))
        {
            return true;
        }

        _waiting.TryRemove(key, out _);
        return false;
    }

    /// <summary>
    /// Waits until an item waits.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when an item can be taken.</returns>
    public Task WaitAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken).AsTask();

    /// <summary>
    /// Takes the next item if one waits.
    /// </summary>
    /// <param name="request">The item.</param>
    /// <returns>Whether an item was taken.</returns>
    public bool TryDequeue(out ArtworkRequest? request)
    {
        if (_channel.Reader.TryRead(out request))
        {
            // Released on the way out, so a later scan can queue the item again if this fetch fails.
            _waiting.TryRemove((request.Item.Id, request.Language), out _);
            return true;
        }

        return false;
    }
}
