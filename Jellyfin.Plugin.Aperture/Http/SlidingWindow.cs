using System;
using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// An exact sliding-window log: at most <see cref="Limit"/> requests in any span of <see cref="Window"/>.
/// A slot is held from the moment it is granted until the request ends, and then counts for a whole window
/// after it ended. Measuring from the end rather than the start keeps the limit exact as the server counts it:
/// however late a request reaches the server, it reached it before it ended. Not thread-safe; the owner locks.
/// </summary>
internal sealed class SlidingWindow
{
    private readonly Queue<DateTimeOffset> _ended = new();

    /// <summary>
    /// Initializes a new instance of the <see cref="SlidingWindow"/> class.
    /// </summary>
    /// <param name="limit">Requests allowed in any window.</param>
    /// <param name="window">The window.</param>
    public SlidingWindow(int limit, TimeSpan window)
    {
        Limit = Math.Max(1, limit);
        Window = window > TimeSpan.Zero ? window : TimeSpan.FromSeconds(1);
    }

    /// <summary>Gets the requests allowed in any window.</summary>
    public int Limit { get; private set; }

    /// <summary>Gets the window.</summary>
    public TimeSpan Window { get; private set; }

    /// <summary>Gets the requests granted and not yet ended.</summary>
    public int InFlight { get; private set; }

    /// <summary>
    /// Changes the limit in place; the history is kept so a change never allows a burst.
    /// </summary>
    /// <param name="limit">Requests allowed in any window.</param>
    /// <param name="window">The window.</param>
    public void Reconfigure(int limit, TimeSpan window)
    {
        Limit = Math.Max(1, limit);
        Window = window > TimeSpan.Zero ? window : TimeSpan.FromSeconds(1);
    }

    /// <summary>
    /// Counts the slots that are taken at the given time.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <returns>In-flight requests plus requests that ended within the last window.</returns>
    public int Used(DateTimeOffset now)
    {
        Prune(now);
        return InFlight + _ended.Count;
    }

    /// <summary>
    /// Tells whether a slot is free now.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <returns>True when a request may start.</returns>
    public bool HasRoom(DateTimeOffset now) => Used(now) < Limit;

    /// <summary>
    /// Gets when the next slot frees by time alone, or null when only an in-flight request ending can free one.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <returns>The time, or null.</returns>
    public DateTimeOffset? NextFreeAt(DateTimeOffset now)
    {
        Prune(now);
        return _ended.Count > 0 ? _ended.Peek() + Window : null;
    }

    /// <summary>Takes a slot.</summary>
    public void Take() => InFlight++;

    /// <summary>
    /// Ends a slot: it counts until one window after <paramref name="now"/>.
    /// </summary>
    /// <param name="now">The time the request ended.</param>
    public void End(DateTimeOffset now)
    {
        InFlight = Math.Max(0, InFlight - 1);
        _ended.Enqueue(now);
    }

    private void Prune(DateTimeOffset now)
    {
        // A slot that ended exactly one window ago no longer counts: [end, end + window) is its span.
        while (_ended.Count > 0 && _ended.Peek() + Window <= now)
        {
            _ended.Dequeue();
        }
    }
}
