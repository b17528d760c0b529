using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// The one road every upstream call takes: budget (priority lanes, exact sliding window, write limit,
/// concurrency, daily quota ledger, pause and park) → resilience (retry honouring Retry-After, circuit breaker,
/// per-attempt timeout) → HttpClient → classification → health and redacted logs.
/// </summary>
public sealed class UpstreamPipeline : IUpstreamPipeline, IUpstreamBudgetMonitor, IUpstreamQuotaReporter, IDisposable
{
    /// <summary>The name of the HttpClient the pipeline sends with (no redirects, no URL logging).</summary>
    public const string HttpClientName = "Aperture";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IntegrationRegistry _registry;
    private readonly IntegrationSettingsService _settings;
    private readonly QuotaLedger _ledger;
    private readonly IHealthRecorder _health;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _time;
    private readonly ILogger<UpstreamPipeline> _logger;
    private readonly UpstreamPipelineOptions _options;
    private readonly ResiliencePipeline<AttemptResult> _retry;
    private readonly ConcurrentDictionary<string, ServiceState> _services = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Service, string Scope), ServiceBudget> _scopes = new();
    private readonly Lock _createLock = new();

    /// <summary>
    /// Initializes a new instance of the <see cref="UpstreamPipeline"/> class.
    /// </summary>
    /// <param name="httpClientFactory">Creates the "Aperture" client.</param>
    /// <param name="registry">The integrations (their classifiers).</param>
    /// <param name="settings">The integrations' effective limits.</param>
    /// <param name="ledger">The persisted daily quota ledger.</param>
    /// <param name="health">Receives each call's final outcome.</param>
    /// <param name="redactor">Removes secrets from logs and messages.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="options">The resilience policy.</param>
    public UpstreamPipeline(
        IHttpClientFactory httpClientFactory,
        IntegrationRegistry registry,
        IntegrationSettingsService settings,
        QuotaLedger ledger,
        IHealthRecorder health,
        SecretRedactor redactor,
        TimeProvider time,
        ILogger<UpstreamPipeline> logger,
        UpstreamPipelineOptions options)
    {
        _httpClientFactory = httpClientFactory;
        _registry = registry;
        _settings = settings;
        _ledger = ledger;
        _health = health;
        _redactor = redactor;
        _time = time;
        _logger = logger;
        _options = options;
        _retry = BuildRetry(options, time);
    }

    /// <inheritdoc />
    public async Task<UpstreamResponse> SendAsync(UpstreamRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var integration = _registry.Get(request.Service);
        var state = GetState(integration.Descriptor.Id);
        state.Budget.Update(_settings.GetLimits(integration.Descriptor.Id));

        // Candidate keys are not stored yet; remember them so they are redacted like saved ones.
        _redactor.Remember(request.Target.Credentials);
        if (request.IsConnectionTest)
        {
            // A connection test is the admin's explicit "try it now": it always reaches the service once.
            state.Budget.Unpark();
        }

        var budget = ScopeBudget(integration.Descriptor.Id, request.Scope, state);
        var call = new CallContext(request, integration.Descriptor, request.Classifier ?? integration.Classifier, state, budget, cancellationToken);
        AttemptResult result;
        try
        {
            result = await _retry.ExecuteAsync(token => AttemptAsync(call, token), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && call.LastHeard is { } heard)
        {
            // Cancelled while waiting to try again: what the service did answer (or failed to) still counts.
            Finish(call, heard.Response);
            throw;
        }

        Finish(call, result.Response);
        if (result.CallerGaveUp)
        {
            // The hang is recorded; the caller still gets the cancellation it asked for.
            cancellationToken.ThrowIfCancellationRequested();
        }

        return result.Response;
    }

    /// <inheritdoc />
    public BudgetSnapshot GetSnapshot(string service)
    {
        var id = _registry.Get(service).Descriptor.Id;
        var state = GetState(id);
        state.Budget.Update(_settings.GetLimits(id));
        return state.Budget.Snapshot(state.Circuit.Status);
    }

    /// <inheritdoc />
    public void ReportQuota(string service, int limit, int used, DateTimeOffset? resetAt = null)
    {
        var id = _registry.Get(service).Descriptor.Id;
        GetState(id).Budget.ReportQuota(limit, used, resetAt);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var state in _services.Values)
        {
            state.Budget.Dispose();
        }

        foreach (var budget in _scopes.Values)
        {
            budget.Dispose();
        }
    }

    private static ResiliencePipeline<AttemptResult> BuildRetry(UpstreamPipelineOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = time };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Retryable == true),

                // A rate limit paused the whole service until Retry-After; the retry queues at once and the pause
                // holds it, so it waits exactly as long as the service asked. Outages back off with jitter.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.Response.Outcome == UpstreamOutcome.RateLimited ? TimeSpan.Zero : (TimeSpan?)null),
            });
        }

        return builder.Build();
    }

    private void Finish(CallContext call, UpstreamResponse response)
    {
        var request = call.Request;
        if (response.Outcome is not (UpstreamOutcome.Success or UpstreamOutcome.NotFound))
        {
            _logger.LogWarning(
                "{Service} {Operation} failed after {Attempts} attempt(s): {Outcome}: {Message}",
                call.Service.Id,
                _redactor.Redact(request.Operation),
                call.Attempts,
                response.Outcome,
                response.Message);
        }

        _health.Record(call.Service.Id, response, request.IsConnectionTest, request.Target.IsCandidate, request.Scope, request.IsWrite);
    }

    // A scope (a Trakt user) has a rate budget of its own with the service's limits, so one user's 429 pauses only that
    // user. The daily quota stays on the service's budget, and the circuit breaker stays per service (an outage is
    // everyone's).
    private ServiceBudget ScopeBudget(string service, string? scope, ServiceState state)
    {
        if (string.IsNullOrEmpty(scope))
        {
            return state.Budget;
        }

        var limits = state.Budget.Limits with { DailyQuota = 0 };
        if (!_scopes.TryGetValue((service, scope), out var budget))
        {
            // Under the lock, so two first calls of a user share one budget (and no timer is left undisposed).
            lock (_createLock)
            {
                budget = _scopes.GetOrAdd((service, scope), key => new ServiceBudget(key.Service, limits, _time, null, _options.MaxRateLimitWait));
            }
        }

        budget.Update(limits);
        return budget;
    }

    private ServiceState GetState(string id)
    {
        if (_services.TryGetValue(id, out var state))
        {
            return state;
        }

        lock (_createLock)
        {
            if (!_services.TryGetValue(id, out state))
            {
                var budget = new ServiceBudget(id, _settings.GetLimits(id), _time, _ledger, _options.MaxRateLimitWait);
                state = new ServiceState(budget, new ServiceCircuit(_options, _time, () => budget.Limits.Timeout));
                _services[id] = state;
            }

            return state;
        }
    }

    private async ValueTask<AttemptResult> AttemptAsync(CallContext call, CancellationToken cancellationToken)
    {
        var attempt = ++call.Attempts;
        var request = call.Request;
        AttemptResult result;
        if (call.State.Circuit.IsBlocking && !request.IsConnectionTest)
        {
            result = CircuitOpen(call);
        }
        else
        {
            var decision = call.Budget != call.State.Budget && call.State.Budget.CheckRefusal() is { } serviceRefusal
                ? serviceRefusal
                : await call.Budget.AcquireAsync(request.Priority, request.IsWrite, cancellationToken).ConfigureAwait(false);
            if (decision.Permit is not { } permit)
            {
                result = Refused(call, decision);
            }
            else
            {
                using (permit)
                {
                    result = await SendThroughCircuitAsync(call, cancellationToken).ConfigureAwait(false);

                    // Pause or park before the permit frees, so no waiter slips in first.
                    ApplyToBudget(call, result.Response);
                }
            }
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.LogDebug(
                "{Service} {Operation} attempt {Attempt}: {Outcome} (HTTP {Status})",
                call.Service.Id,
                _redactor.Redact(request.Operation),
                attempt,
                result.Response.Outcome,
                result.Response.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none");
        }

        if (attempt >= _options.MaxAttempts && result.Retryable && result.Response.Outcome == UpstreamOutcome.Outage)
        {
            result = result with
            {
                Response = Copy(result.Response, result.Response.Message.TrimEnd('.') + " (gave up after " + attempt.ToString(CultureInfo.InvariantCulture) + " attempts)."),
            };
        }

        return result;
    }

    private async Task<AttemptResult> SendThroughCircuitAsync(CallContext call, CancellationToken cancellationToken)
    {
        var circuit = call.State.Circuit;
        if (!call.Request.IsConnectionTest || circuit.Status == CircuitStatus.Closed)
        {
            return await RunAttemptAsync(circuit.Pipeline, call, cancellationToken).ConfigureAwait(false);
        }

        // The admin's "try it now" is never held back by the circuit, and a service that answers the saved target
        // is back: its circuit closes now instead of when the break ends. A candidate (typed key or URL) says
        // nothing about the saved target, so it leaves the circuit as it is.
        var result = await RunAttemptAsync(circuit.AroundBreaker, call, cancellationToken).ConfigureAwait(false);
        if (result.Response.Outcome != UpstreamOutcome.Outage && !call.Request.Target.IsCandidate)
        {
            await circuit.CloseAsync().ConfigureAwait(false);
        }

        return result;
    }

    private async Task<AttemptResult> RunAttemptAsync(ResiliencePipeline<AttemptResult> pipeline, CallContext call, CancellationToken cancellationToken)
    {
        try
        {
            return Heard(call, await pipeline.ExecuteAsync(token => SendOnceAsync(call, token), cancellationToken).ConfigureAwait(false));
        }
        catch (BrokenCircuitException)
        {
            return CircuitOpen(call);
        }
        catch (TimeoutRejectedException)
        {
            return Heard(call, Outage(call.Service.Name + " did not answer within " + Seconds(call.State.Budget.Limits.Timeout) + " s."));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Heard(call, Outage(call.Service.Name + " did not answer in time."));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            // The exception text can hold the URL; only its redacted form is kept.
            return Heard(call, Outage(call.Service.Name + " could not be reached: " + _redactor.Redact(ex.Message)));
        }
    }

    private async ValueTask<AttemptResult> SendOnceAsync(CallContext call, CancellationToken cancellationToken)
    {
        var request = call.Request;
        using var message = new HttpRequestMessage(request.Method, request.BuildUri());
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.ExpectJson)
        {
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        if (request.JsonBody is not null)
        {
            message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
        }

        var client = _httpClientFactory.CreateClient(HttpClientName);
        var sentAt = _time.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return Classify(call, response, body);
        }
        catch (OperationCanceledException) when (call.CallerToken.IsCancellationRequested && _time.GetElapsedTime(sentAt) >= _options.HangEvidence)
        {
            // The caller gave up (a scan's per-item budget, a closed page, a shutdown) on a request the service had
            // long enough to answer: a hang. Returned as a result, it passes through the circuit, which counts it,
            // and health records it; only then does the caller get its cancellation.
            var waited = Seconds(_time.GetElapsedTime(sentAt));
            return Outage(call.Service.Name + " did not answer within " + waited + " s; the call was given up.") with { Retryable = false, CallerGaveUp = true };
        }
    }

    private AttemptResult Classify(CallContext call, HttpResponseMessage response, string body)
    {
        var request = call.Request;
        var status = (int)response.StatusCode;
        var now = _time.GetUtcNow();
        var verdict = ResponseInspector.Classify(
            call.Service.Name, request, call.Classifier, status, response.Content.Headers.ContentType?.MediaType, body, response.Headers, now);
        if (verdict.Outcome == UpstreamOutcome.RateLimited && !(verdict.RetryAfter > TimeSpan.Zero))
        {
            // No usable wait (TMDb sometimes says 0 s): pause for the base retry delay.
            verdict = verdict with { RetryAfter = _options.RetryBaseDelay };
        }

        var upstream = new UpstreamResponse
        {
            Outcome = verdict.Outcome,
            StatusCode = status,
            Body = body,
            Headers = response.Headers,
            Message = string.IsNullOrWhiteSpace(verdict.Message)
                ? call.Service.Name + ": " + verdict.Outcome.ToString()
                : _redactor.Redact(verdict.Message),
            RetryAfter = verdict.RetryAfter,
            ResetAt = verdict.ResetAt,
        };
        var retryable = verdict.Outcome switch
        {
            UpstreamOutcome.Outage => true,
            UpstreamOutcome.RateLimited => verdict.RetryAfter <= _options.MaxRateLimitWait,
            _ => false,
        };
        return new AttemptResult(upstream, retryable);
    }

    private void ApplyToBudget(CallContext call, UpstreamResponse response)
    {
        var budget = call.Budget;
        var now = _time.GetUtcNow();
        if (response.Headers is { } headers
            && _options.DailyQuotaHeaderServices.Contains(call.Service.Id, StringComparer.OrdinalIgnoreCase)
            && ResponseInspector.QuotaHeaders(headers, now) is { } quota)
        {
            call.State.Budget.ReportQuota(quota.Limit, quota.Used, quota.ResetAt);
        }

        switch (response.Outcome)
        {
            case UpstreamOutcome.RateLimited:
                budget.Pause(now + (response.RetryAfter ?? _options.RetryBaseDelay));
                break;
            case UpstreamOutcome.QuotaExhausted:
                call.State.Budget.Park(response.ResetAt > now ? response.ResetAt.Value : QuotaDay.NextReset(now));
                break;
        }
    }

    private static AttemptResult CircuitOpen(CallContext call) => new(
        new UpstreamResponse
        {
            Outcome = UpstreamOutcome.Outage,
            Message = call.Service.Name + " is failing repeatedly; calls are held back for a moment (circuit open).",
        },
        Retryable: false);

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    private static AttemptResult Heard(CallContext call, AttemptResult result)
    {
        call.LastHeard = result;
        return result;
    }

    private static AttemptResult Outage(string message) =>
        new(new UpstreamResponse { Outcome = UpstreamOutcome.Outage, Message = message }, Retryable: true);

    private AttemptResult Refused(CallContext call, PermitDecision decision)
    {
        var until = decision.Until?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "later";
        var response = decision.Outcome == UpstreamOutcome.QuotaExhausted
            ? new UpstreamResponse
            {
                Outcome = UpstreamOutcome.QuotaExhausted,
                Message = call.Service.Name + " quota is spent; calls resume at " + until + ".",
                ResetAt = decision.Until,
            }
            : new UpstreamResponse
            {
                Outcome = UpstreamOutcome.RateLimited,
                Message = call.Service.Name + (call.Request.Scope is null ? string.Empty : " (this account)") + " asked us to slow down; calls resume at " + until + ".",
                RetryAfter = decision.Until is { } end ? end - _time.GetUtcNow() : null,
            };
        return new AttemptResult(response, Retryable: false);
    }

    private static UpstreamResponse Copy(UpstreamResponse response, string message) => new()
    {
        Outcome = response.Outcome,
        StatusCode = response.StatusCode,
        Body = response.Body,
        Headers = response.Headers,
        Message = message,
        RetryAfter = response.RetryAfter,
        ResetAt = response.ResetAt,
    };

    private sealed record ServiceState(ServiceBudget Budget, ServiceCircuit Circuit);

    private sealed class CallContext
    {
        public CallContext(UpstreamRequest request, IntegrationDescriptor service, IUpstreamClassifier classifier, ServiceState state, ServiceBudget budget, CancellationToken callerToken)
        {
            Request = request;
            Service = service;
            Classifier = classifier;
            State = state;
            Budget = budget;
            CallerToken = callerToken;
        }

        public UpstreamRequest Request { get; }

        public IntegrationDescriptor Service { get; }

        public IUpstreamClassifier Classifier { get; }

        public ServiceState State { get; }

        /// <summary>Gets the budget the call waits in: its scope's, or the service's when it has no scope.</summary>
        public ServiceBudget Budget { get; }

        /// <summary>Gets the caller's own token (an attempt's token also fires on the per-attempt timeout).</summary>
        public CancellationToken CallerToken { get; }

        public int Attempts { get; set; }

        /// <summary>Gets or sets the last attempt that reached the network: the service's answer, or its silence.</summary>
        public AttemptResult? LastHeard { get; set; }
    }
}
