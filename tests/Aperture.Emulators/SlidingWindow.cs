using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace Aperture.Emulators;

/// <summary>A sliding-window limiter over real arrival times; only admitted requests occupy the window.</summary>
internal sealed class SlidingWindow
{
    private readonly Queue<long> _admitted = new();
    private readonly object _gate = new();

    public SlidingWindow(int permits, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Permits = permits;
        Window = window;
    }

    public int Permits { get; }

    public TimeSpan Window { get; }

    /// <summary>Admits a request, or tells how long until a slot frees.</summary>
    public bool TryAcquire(out TimeSpan retryAfter, out int remaining)
    {
        var now = Stopwatch.GetTimestamp();
        var windowTicks = (long)(Window.TotalSeconds * Stopwatch.Frequency);
        lock (_gate)
        {
            while (_admitted.Count > 0 && now - _admitted.Peek() >= windowTicks)
            {
                _admitted.Dequeue();
            }

            if (_admitted.Count < Permits)
            {
                _admitted.Enqueue(now);
                retryAfter = TimeSpan.Zero;
                remaining = Permits - _admitted.Count;
                return true;
            }

            var freesIn = _admitted.Peek() + windowTicks - now;
            retryAfter = TimeSpan.FromSeconds((double)freesIn / Stopwatch.Frequency);
            remaining = 0;
            return false;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _admitted.Clear();
        }
    }
}
