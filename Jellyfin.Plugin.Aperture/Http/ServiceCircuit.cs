using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// One service's circuit breaker and per-attempt timeout (Polly). Outages open the circuit; while it is open,
/// calls end as Outage without a permit or a network request, until the break ends and one call probes. A
/// connection test is the exception: it goes around the breaker, and when the service answers it the circuit
/// closes at once.
/// </summary>
internal sealed class ServiceCircuit
{
    private readonly TimeProvider _time;
    private readonly CircuitBreakerStateProvider _state = new();
    private readonly CircuitBreakerManualControl _control = new();
    private long _openUntilTicks;

    /// <summary>
    /// Initializes a new instance of the <see cref="ServiceCircuit"/> class.
    /// </summary>
    /// <param name="options">The policy.</param>
    /// <param name="time">The clock.</param>
    /// <param name="timeout">Reads the current per-attempt timeout (limits may change at run time).</param>
    public ServiceCircuit(UpstreamPipelineOptions options, TimeProvider time, Func<TimeSpan> timeout)
    {
        _time = time;
        Pipeline = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptResult>
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = Math.Max(2, options.CircuitMinimumThroughput),
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                StateProvider = _state,
                ManualControl = _control,
                ShouldHandle = args => ValueTask.FromResult(IsOutage(args.Outcome)),
                OnOpened = args =>
                {
                    Interlocked.Exchange(ref _openUntilTicks, (_time.GetUtcNow() + args.BreakDuration).UtcTicks);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(Timeout(timeout))
            .Build();
        AroundBreaker = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = time }
            .AddTimeout(Timeout(timeout))
            .Build();
    }

    /// <summary>Gets the pipeline one attempt runs through: circuit breaker, then timeout.</summary>
    public ResiliencePipeline<AttemptResult> Pipeline { get; }

    /// <summary>
    /// Gets the pipeline a connection test runs through while the circuit is not closed: the timeout only, so the
    /// admin's "try it now" reaches the service instead of being held back with everything else.
    /// </summary>
    public ResiliencePipeline<AttemptResult> AroundBreaker { get; }

    /// <summary>
    /// Gets a value indicating whether calls must fail at once: the circuit is open and its break has not ended.
    /// </summary>
    public bool IsBlocking => _state.CircuitState is CircuitState.Open or CircuitState.Isolated
        && _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _openUntilTicks);

    /// <summary>Gets the state for the status page.</summary>
    public CircuitStatus Status => _state.CircuitState switch
    {
        CircuitState.Closed => CircuitStatus.Closed,
        CircuitState.HalfOpen => CircuitStatus.HalfOpen,
        _ => IsBlocking ? CircuitStatus.Open : CircuitStatus.HalfOpen,
    };

    /// <summary>
    /// Closes the circuit and forgets its failures, because a connection test just got an answer from the service.
    /// </summary>
    /// <returns>A task that completes when the circuit is closed.</returns>
    public Task CloseAsync() => _control.CloseAsync();

    private static TimeoutStrategyOptions Timeout(Func<TimeSpan> timeout) => new()
    {
        TimeoutGenerator = _ => ValueTask.FromResult(timeout()),
    };

    private static bool IsOutage(Outcome<AttemptResult> outcome) =>
        outcome.Exception is TimeoutRejectedException or HttpRequestException or System.IO.IOException
        || outcome.Result?.Response.Outcome == UpstreamOutcome.Outage;
}
