using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// The TMDb artwork lists Aperture last fetched, per item and language, in memory. A scan answers only from here, so
/// it never waits on TMDb. Bounded in size (the oldest entries go first) and in age, so changed artwork on TMDb shows
/// up again after <see cref="Expiry"/>.
/// </summary>
public sealed class ArtworkCache
{
    /// <summary>How many item lists are kept; a list is a few kilobytes, so this stays well under a few MB.</summary>
    public const int Capacity = 2_000;

    /// <summary>How long a fetched list is used: long enough to cover a scan and the refresh it leads to.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromHours(6);

    private readonly Dictionary<(Guid ItemId, string Language), Entry> _entries = new();
    private readonly TimeProvider _time;
    private readonly object _lock = new();

    /// <summary>
    /// Initializes a new instance of the <see cref="ArtworkCache"/> class.
    /// </summary>
    /// <param name="time">The clock (drives the expiry).</param>
    public ArtworkCache(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>Gets how many lists are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Reads the artwork list kept for an item, if it has not expired.
    /// </summary>
    /// <param name="itemId">The Jellyfin item id.</param>
    /// <param name="language">The image language.</param>
    /// <param name="images">The images (possibly none: TMDb had none).</param>
    /// <returns>Whether a list was kept.</returns>
    public bool TryGet(Guid itemId, string language, [NotNullWhen(true)] out IReadOnlyList<ArtworkImage>? images)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (_entries.TryGetValue((itemId, language), out var entry))
            {
                if (now - entry.StoredAt < Expiry)
                {
                    images = entry.Images;
                    return true;
                }

                _entries.Remove((itemId, language));
            }
        }

        images = null;
        return false;
    }

    /// <summary>
    /// Keeps an item's artwork list, making room by dropping expired lists, then the oldest.
    /// </summary>
    /// <param name="itemId">The Jellyfin item id.</param>
    /// <param name="language">The image language.</param>
    /// <param name="images">The images.</param>
    public void Set(Guid itemId, string language, IReadOnlyList<ArtworkImage> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            _entries[(itemId, language)] = new Entry(images, now);
            if (_entries.Count <= Capacity)
            {
                return;
            }

            foreach (var expired in _entries.Where(e => now - e.Value.StoredAt >= Expiry).Select(e => e.Key).ToList())
            {
                _entries.Remove(expired);
            }

            // Eviction is rare (only past the capacity), so a sort here is cheaper than keeping an order on every set.
            var excess = _entries.Count - Capacity;
            foreach (var oldest in _entries.OrderBy(e => e.Value.StoredAt).Take(excess).Select(e => e.Key).ToList())
            {
                _entries.Remove(oldest);
            }
        }
    }

    private sealed record Entry(IReadOnlyList<ArtworkImage> Images, DateTimeOffset StoredAt);
}
