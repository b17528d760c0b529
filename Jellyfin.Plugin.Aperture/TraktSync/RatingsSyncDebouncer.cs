using System;
using System.Threading;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// Starts the rating sync shortly after a local rating change: <see cref="Delay"/> after the last change, so rating
/// a dozen titles makes one run, yet never later than <see cref="MaxDelay"/> after the first, so a steady stream
/// of changes cannot postpone the sync for ever. The launcher runs at most one sync at a time.
/// </summary>
public sealed class RatingsSyncDebouncer : IDisposable
{
    /// <summary>How long after the last change the sync starts.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMinutes(1);

    /// <summary>The longest a change waits for the sync.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    private readonly object _gate = new();
    private readonly IRatingsSyncLauncher _launcher;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private DateTimeOffset? _firstChange;

    /// <summary>
    /// Initializes a new instance of the <see cref="RatingsSyncDebouncer"/> class.
    /// </summary>
    /// <param name="launcher">Starts the task.</param>
    /// <param name="time">The clock.</param>
    public RatingsSyncDebouncer(IRatingsSyncLauncher launcher, TimeProvider time)
    {
        _launcher = launcher;
        _time = time;
        _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Notes a local rating change of a linked user.</summary>
    public void Changed()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _firstChange ??= now;
            var due = _firstChange.Value + MaxDelay < now + Delay ? _firstChange.Value + MaxDelay : now + Delay;
            _timer.Change(due > now ? due - now : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private void Fire()
    {
        lock (_gate)
        {
            _firstChange = null;
        }

        _launcher.QueueRun();
    }
}
