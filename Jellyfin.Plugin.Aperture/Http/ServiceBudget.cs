using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Integrations;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// One service's budget: the permit scheduler in front of the network. Requests queue in two lanes
/// (interactive before background) for a permit that needs a free concurrency slot, a free slot in the exact
/// sliding window (reads) or write window, no rate-limit pause and quota left today. A long pause or a spent
/// quota answers at once instead of queueing, so background work moves on to other services.
/// </summary>
internal sealed class ServiceBudget : IDisposable
{
    private static readonly TimeSpan _writeWindow = TimeSpan.FromSeconds(1);

    private readonly string _service;
    private readonly TimeProvider _time;
    private readonly QuotaLedger? _ledger;
    private readonly TimeSpan _maxPauseWait;
    private readonly Lock _lock = new();
    private readonly Lock _saveLock = new();
    private readonly LinkedList<Waiter> _interactive = new();
    private readonly LinkedList<Waiter> _background = new();
    private readonly SlidingWindow _reads;
    private readonly SlidingWindow _writes;
    private readonly ITimer _timer;
    private IntegrationLimits _limits;
    private QuotaDay _quota;
    private bool _quotaDirty;
    private int _inFlight;
    private long _granted;
    private long _lastInteractiveWait;
    private DateTimeOffset? _pausedUntil;
    private DateTimeOffset? _wakeAt;

    /// <summary>
    /// Initializes a new instance of the <see cref="ServiceBudget"/> class.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="limits">The limits.</param>
    /// <param name="time">The clock.</param>
    /// <param name="ledger">The persisted quota ledger, or null for a scope's budget (its service's budget keeps the quota).</param>
    /// <param name="maxPauseWait">The longest pause a request queues through.</param>
    public ServiceBudget(string service, IntegrationLimits limits, TimeProvider time, QuotaLedger? ledger, TimeSpan maxPauseWait)
    {
        _service = service;
        _time = time;
        _ledger = ledger;
        _maxPauseWait = maxPauseWait;
        _limits = limits;
        _reads = new SlidingWindow(limits.RequestsPerWindow, limits.Window);
        _writes = new SlidingWindow(Math.Max(1, limits.WritesPerSecond), _writeWindow);
        _quota = ledger?.Load(service, time.GetUtcNow()) ?? new QuotaDay(QuotaDay.DayOf(time.GetUtcNow()), 0, null, null);
        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Gets the limits in force.</summary>
    public IntegrationLimits Limits
    {
        get
        {
            lock (_lock)
            {
                return _limits;
            }
        }
    }

    /// <summary>
    /// Applies changed limits in place: waiters keep their places and the window keeps its history, so a
    /// change never lets a burst through.
    /// </summary>
    /// <param name="limits">The new limits.</param>
    public void Update(IntegrationLimits limits)
    {
        lock (_lock)
        {
            if (limits == _limits)
            {
                return;
            }

            _limits = limits;
            _reads.Reconfigure(limits.RequestsPerWindow, limits.Window);
            _writes.Reconfigure(Math.Max(1, limits.WritesPerSecond), _writeWindow);
            Dispatch(_time.GetUtcNow());
        }
    }

    /// <summary>
    /// Waits for a permit in the request's lane.
    /// </summary>
    /// <param name="priority">The lane.</param>
    /// <param name="isWrite">Whether the request is a write.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A permit, or why the service cannot be called now.</returns>
    public Task<PermitDecision> AcquireAsync(RequestPriority priority, bool isWrite, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (Refusal(now) is { } refused)
            {
                return Task.FromResult(refused);
            }

            waiter = new Waiter(isWrite, priority, _granted);
            var lane = priority == RequestPriority.Interactive ? _interactive : _background;
            waiter.Node = lane.AddLast(waiter);
            Dispatch(now);
        }

        FlushQuota();
        return waiter.Completion.Task.IsCompleted ? waiter.Completion.Task : WaitAsync(waiter, cancellationToken);
    }

    /// <summary>
    /// Tells, without queueing, whether a call would be refused now (a spent quota, or a pause longer than a call waits).
    /// A scoped call asks its service's budget this first, so the service's daily quota still holds for it.
    /// </summary>
    /// <returns>The refusal, or null when a call may queue.</returns>
    public PermitDecision? CheckRefusal()
    {
        lock (_lock)
        {
            return Refusal(_time.GetUtcNow());
        }
    }

    /// <summary>
    /// Pauses every lane until the given time (a 429 with Retry-After pauses the service, not only one request).
    /// </summary>
    /// <param name="until">The end of the pause.</param>
    public void Pause(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (_pausedUntil is null || until > _pausedUntil)
            {
                _pausedUntil = until;
            }

            Dispatch(_time.GetUtcNow());
        }
    }

    /// <summary>
    /// Parks the service with a spent quota until the reset: waiters and later calls are refused at once.
    /// </summary>
    /// <param name="until">The reset.</param>
    public void Park(DateTimeOffset until)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            RollDay(now);
            if (_quota.ParkedUntil is null || until > _quota.ParkedUntil)
            {
                var limit = EffectiveQuota();
                _quota = _quota with { ParkedUntil = until, Used = limit is { } l ? Math.Max(_quota.Used, l) : _quota.Used };
                _quotaDirty = true;
            }

            Dispatch(now);
        }

        FlushQuota();
    }

    /// <summary>
    /// Lifts a park and restarts today's count, because the admin asked to try the service now (a connection
    /// test, often right after a new key or a tier upgrade). If the quota is still spent, the answer parks it again.
    /// </summary>
    public void Unpark()
    {
        lock (_lock)
        {
            RollDay(_time.GetUtcNow());
            if (_quota.ParkedUntil is null)
            {
                return;
            }

            _quota = _quota with { ParkedUntil = null, Used = 0 };
            _quotaDirty = true;
        }

        FlushQuota();
    }

    /// <summary>
    /// Records what the service said about its daily quota; a spent quota parks it.
    /// </summary>
    /// <param name="limit">Requests allowed per day.</param>
    /// <param name="used">Requests used today.</param>
    /// <param name="resetAt">When the quota resets, if the service said.</param>
    public void ReportQuota(int limit, int used, DateTimeOffset? resetAt)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            RollDay(now);
            _quota = _quota with { ReportedLimit = Math.Max(0, limit), Used = Math.Max(_quota.Used, used) };
            if (used >= limit)
            {
                var until = resetAt > now ? resetAt.Value : QuotaDay.NextReset(now);
                _quota = _quota with { ParkedUntil = until };
            }

            _quotaDirty = true;
            Dispatch(now);
        }

        FlushQuota();
    }

    /// <summary>
    /// Reads the budget for the status page.
    /// </summary>
    /// <param name="circuit">The circuit state, which the resilience layer owns.</param>
    /// <returns>The snapshot.</returns>
    public BudgetSnapshot Snapshot(CircuitStatus circuit)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            RollDay(now);
            return new BudgetSnapshot(
                _service,
                _reads.Used(now),
                _limits.RequestsPerWindow,
                _limits.Window,
                _limits.WritesPerSecond > 0 ? _writes.Used(now) : 0,
                _limits.WritesPerSecond,
                _quota.Used,
                EffectiveQuota(),
                _inFlight,
                _limits.MaxConcurrency,
                _pausedUntil > now ? _pausedUntil : null,
                _quota.ParkedUntil > now ? _quota.ParkedUntil : null,
                circuit,
                _interactive.Count,
                _background.Count,
                _granted,
                _lastInteractiveWait);
        }
    }

    /// <summary>
    /// Ends a permit's attempt and lets the next waiter go.
    /// </summary>
    /// <param name="permit">The permit.</param>
    public void Release(BudgetPermit permit)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            WindowFor(permit.IsWrite).End(now);
            _inFlight = Math.Max(0, _inFlight - 1);
            Dispatch(now);
        }

        FlushQuota();
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private SlidingWindow WindowFor(bool isWrite) => isWrite && _limits.WritesPerSecond > 0 ? _writes : _reads;

    private int? EffectiveQuota() => _quota.ReportedLimit ?? (_limits.DailyQuota > 0 ? _limits.DailyQuota : null);

    private void RollDay(DateTimeOffset now)
    {
        var day = QuotaDay.DayOf(now);
        if (_quota.ParkedUntil is { } parked && parked <= now)
        {
            // The service's own reset passed: its count starts again even if it did not reset at midnight.
            _quota = _quota with { ParkedUntil = null, Used = 0 };
            _quotaDirty = true;
        }

        if (day != _quota.Day)
        {
            _quota = new QuotaDay(day, 0, _quota.ReportedLimit, _quota.ParkedUntil);
        }
    }

    private PermitDecision? Refusal(DateTimeOffset now)
    {
        RollDay(now);
        if (_quota.ParkedUntil is { } parked)
        {
            return new PermitDecision(null, UpstreamOutcome.QuotaExhausted, parked);
        }

        if (_pausedUntil is { } paused && paused - now > _maxPauseWait)
        {
            return new PermitDecision(null, UpstreamOutcome.RateLimited, paused);
        }

        return null;
    }

    // Grants every waiter that may go now, interactive lane first; runs under the lock.
    private void Dispatch(DateTimeOffset now)
    {
        if (Refusal(now) is { } refused)
        {
            RefuseAll(refused);
            return;
        }

        DateTimeOffset? wake = _pausedUntil > now ? _pausedUntil : null;
        if (wake is null)
        {
            _pausedUntil = null;
            wake = GrantReady(now);
        }

        if (wake is { } at && (_wakeAt is null || at < _wakeAt || _wakeAt <= now))
        {
            _wakeAt = at;
            _timer.Change(at - now, Timeout.InfiniteTimeSpan);
        }
    }

    private DateTimeOffset? GrantReady(DateTimeOffset now)
    {
        DateTimeOffset? wake = null;
        bool readsBlocked = false, writesBlocked = false;
        foreach (var lane in new[] { _interactive, _background })
        {
            var node = lane.First;
            while (node is not null)
            {
                var next = node.Next;
                var waiter = node.Value;
                var isWrite = waiter.IsWrite && _limits.WritesPerSecond > 0;
                if (isWrite ? writesBlocked : readsBlocked)
                {
                    node = next;
                    continue;
                }

                if (_inFlight >= Math.Max(1, _limits.MaxConcurrency))
                {
                    // Only a release can free a slot; Release dispatches again.
                    return wake;
                }

                var window = WindowFor(waiter.IsWrite);
                if (!window.HasRoom(now))
                {
                    // Later waiters of the same kind wait too: a lane never lets a later request overtake.
                    readsBlocked |= !isWrite;
                    writesBlocked |= isWrite;
                    if (window.NextFreeAt(now) is { } free && (wake is null || free < wake))
                    {
                        wake = free;
                    }

                    node = next;
                    continue;
                }

                if (EffectiveQuota() is { } quota && _quota.Used >= quota)
                {
                    _quota = _quota with { ParkedUntil = QuotaDay.NextReset(now) };
                    _quotaDirty = true;
                    RefuseAll(new PermitDecision(null, UpstreamOutcome.QuotaExhausted, _quota.ParkedUntil));
                    return null;
                }

                lane.Remove(node);
                waiter.Node = null;
                window.Take();
                _inFlight++;
                if (waiter.Priority == RequestPriority.Interactive)
                {
                    _lastInteractiveWait = _granted - waiter.GrantedBefore;
                }

                _granted++;
                _quota = _quota with { Used = _quota.Used + 1 };
                _quotaDirty |= EffectiveQuota() is not null;
                waiter.Completion.TrySetResult(PermitDecision.Granted(new BudgetPermit(this, waiter.IsWrite)));
                node = next;
            }
        }

        return wake;
    }

    private void RefuseAll(PermitDecision refused)
    {
        foreach (var lane in new[] { _interactive, _background })
        {
            while (lane.First is { } node)
            {
                lane.RemoveFirst();
                node.Value.Node = null;
                node.Value.Completion.TrySetResult(refused);
            }
        }
    }

    private async Task<PermitDecision> WaitAsync(Waiter waiter, CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(() => Cancel(waiter, cancellationToken)))
        {
            return await waiter.Completion.Task.ConfigureAwait(false);
        }
    }

    private void OnTimer()
    {
        lock (_lock)
        {
            _wakeAt = null;
            Dispatch(_time.GetUtcNow());
        }

        FlushQuota();
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (waiter.Node is { } node)
            {
                node.List!.Remove(node);
                waiter.Node = null;
                waiter.Completion.TrySetCanceled(cancellationToken);
            }

            // A waiter that left may have been the one holding a lane back.
            Dispatch(_time.GetUtcNow());
        }
    }

    // Writes the day's count outside the lock; the save lock keeps writes in order so the newest state lands last.
    private void FlushQuota()
    {
        lock (_saveLock)
        {
            QuotaDay state;
            lock (_lock)
            {
                if (!_quotaDirty)
                {
                    return;
                }

                state = _quota;
                _quotaDirty = false;
            }

            _ledger?.Save(_service, state);
        }
    }

    private sealed class Waiter
    {
        public Waiter(bool isWrite, RequestPriority priority, long grantedBefore)
        {
            IsWrite = isWrite;
            Priority = priority;
            GrantedBefore = grantedBefore;
        }

        public bool IsWrite { get; }

        public RequestPriority Priority { get; }

        // Permits granted before this waiter queued: what it waited behind is measured from here.
        public long GrantedBefore { get; }

        public TaskCompletionSource<PermitDecision> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }
}
