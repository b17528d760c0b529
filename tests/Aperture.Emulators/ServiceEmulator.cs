using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aperture.Emulators;

/// <summary>
/// A loopback HTTP server that behaves like one upstream service: its endpoints, its error shapes, its limits.
/// Binds 127.0.0.1 on an ephemeral port unless a fixed one is asked for. Every request passes the same pipeline:
/// record → edge checks (proxy, Cloudflare) → <see cref="Mode"/> fault → sliding-window rate limit → the service
/// (which authenticates, then charges the daily quota, then answers).
/// </summary>
public abstract class ServiceEmulator : IAsyncDisposable
{
    /// <summary>The longest a <see cref="FaultMode.Timeout"/> request hangs.</summary>
    public static readonly TimeSpan MaxTimeoutHang = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions _json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] _onePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private readonly CancellationTokenSource _stopping = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly object _gate = new();
    private WebApplication? _app;
    private Uri? _rootUrl;
    private Uri? _baseUrl;
    private SlidingWindow? _window;
    private int _mode;
    private int _requestCount;
    private int _overLimitCount;
    private int _quotaUsed;
    private DateOnly _quotaDay;
    private TimeSpan _retryAfter = TimeSpan.FromSeconds(2);
    private TimeSpan _timeoutHang = MaxTimeoutHang;
    private TimeSpan _latency = TimeSpan.Zero;
    private int? _dailyQuota;

    /// <summary>Initializes a new instance of the <see cref="ServiceEmulator"/> class.</summary>
    /// <param name="name">The service name.</param>
    protected ServiceEmulator(string name)
    {
        Name = name;
        ValidKey = name + "-valid-key";
        ValidKeys = [ValidKey];
    }

    /// <summary>Gets the service name: <c>tmdb</c>, <c>omdb</c>, <c>trakt</c>, <c>mdblist</c>, <c>seerr</c> or <c>ai</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the base URL a client is configured with (e.g. <c>http://127.0.0.1:port/3</c> for TMDb).</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The emulator has not been started.");

    /// <summary>Gets the server root, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri RootUrl => _rootUrl ?? throw new InvalidOperationException("The emulator has not been started.");

    /// <summary>Gets or sets the fault every request meets; switchable at any time.</summary>
    public FaultMode Mode
    {
        get => (FaultMode)Volatile.Read(ref _mode);
        set => Volatile.Write(ref _mode, (int)value);
    }

    /// <summary>Gets the accepted keys (tokens, client ids). Contains <see cref="ValidKey"/> by default.</summary>
    public KeySet ValidKeys { get; }

    /// <summary>Gets the default valid key, <c>&lt;name&gt;-valid-key</c>.</summary>
    public string ValidKey { get; }

    /// <summary>Gets or sets the <c>Retry-After</c> sent in <see cref="FaultMode.RateLimited"/> (default 2 s; rounded up to whole seconds).</summary>
    public TimeSpan RetryAfter
    {
        get
        {
            lock (_gate)
            {
                return _retryAfter;
            }
        }

        set
        {
            lock (_gate)
            {
                _retryAfter = value;
            }
        }
    }

    /// <summary>Gets or sets how long a <see cref="FaultMode.Timeout"/> request hangs before a 504 (at most 30 s).</summary>
    public TimeSpan TimeoutHang
    {
        get
        {
            lock (_gate)
            {
                return _timeoutHang;
            }
        }

        set
        {
            lock (_gate)
            {
                _timeoutHang = value > MaxTimeoutHang ? MaxTimeoutHang : value;
            }
        }
    }

    /// <summary>Gets or sets an artificial delay added before every answer (benchmarks), default zero.</summary>
    public TimeSpan Latency
    {
        get
        {
            lock (_gate)
            {
                return _latency;
            }
        }

        set
        {
            lock (_gate)
            {
                _latency = value;
            }
        }
    }

    /// <summary>Gets or sets the requests allowed per UTC day, or null for no daily quota. Over it the service gives its quota answer.</summary>
    public int? DailyQuota
    {
        get
        {
            lock (_gate)
            {
                return _dailyQuota;
            }
        }

        set
        {
            lock (_gate)
            {
                _dailyQuota = value;
            }
        }
    }

    /// <summary>Gets or sets a value indicating whether ids outside the fixtures answer "not found" instead of synthetic data.</summary>
    public bool UnknownIdsAreNotFound { get; set; }

    /// <summary>Gets or sets the most requests kept in <see cref="Requests"/> (older ones are dropped), default 100,000.</summary>
    public int MaxRecordedRequests { get; set; } = 100_000;

    /// <summary>Gets all requests received, including rejected ones.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Gets the requests that arrived over the configured rate limit (and got 429).</summary>
    public int OverLimitCount => Volatile.Read(ref _overLimitCount);

    /// <summary>Gets the requests charged to today's quota (authenticated requests this UTC day).</summary>
    public int QuotaUsedToday
    {
        get
        {
            lock (_gate)
            {
                RollQuotaDay();
                return _quotaUsed;
            }
        }
    }

    /// <summary>Gets the configured rate limit as (permits, window), or null.</summary>
    public (int Permits, TimeSpan Window)? RateLimit
    {
        get
        {
            var window = Volatile.Read(ref _window);
            return window is null ? null : (window.Permits, window.Window);
        }
    }

    /// <summary>Gets a snapshot of the recorded requests, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>Gets the path prefix of <see cref="BaseUrl"/>, e.g. <c>/3</c>; empty for the root.</summary>
    protected virtual string BasePath => string.Empty;

    /// <summary>Starts an emulator of type <typeparamref name="T"/> on 127.0.0.1.</summary>
    /// <typeparam name="T">The emulator type.</typeparam>
    /// <param name="port">The loopback port to listen on; 0 (the default) picks a free ephemeral port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started emulator.</returns>
    public static async Task<T> StartAsync<T>(int port = 0, CancellationToken cancellationToken = default)
        where T : ServiceEmulator, new()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        var emulator = new T();
        try
        {
            await emulator.StartCoreAsync(port, cancellationToken).ConfigureAwait(false);
            return emulator;
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Enforces a sliding window over real arrival times; over it a request gets 429 with <c>Retry-After</c>.</summary>
    /// <param name="permits">Requests admitted per window.</param>
    /// <param name="window">The window length.</param>
    public void SetRateLimit(int permits, TimeSpan window) => Volatile.Write(ref _window, new SlidingWindow(permits, window));

    /// <summary>Removes the rate limit.</summary>
    public void ClearRateLimit() => Volatile.Write(ref _window, null);

    /// <summary>Sets mode None, clears counters, the request log, today's quota usage and the rate-limit window. Configuration (keys, limits, quota size) stays.</summary>
    public virtual void Reset()
    {
        Mode = FaultMode.None;
        Volatile.Read(ref _window)?.Clear();
        lock (_gate)
        {
            _requests.Clear();
            _quotaUsed = 0;
            _requestCount = 0;
            _overLimitCount = 0;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _app.StopAsync(stopTimeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Bounded shutdown: in-flight requests are abandoned.
            }

            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }

        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Serializes a JSON value the way the emulators write bodies (UTF-8, no needless escaping).</summary>
    /// <param name="node">The value.</param>
    /// <returns>The JSON text.</returns>
    protected static string ToJson(JsonNode? node) => node is null ? "null" : node.ToJsonString(_json);

    /// <summary>Writes a JSON answer.</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="body">The body.</param>
    /// <returns>A task.</returns>
    protected static Task WriteJsonAsync(HttpContext context, int status, JsonNode? body)
        => WriteTextAsync(context, status, ToJson(body), "application/json; charset=utf-8");

    /// <summary>Writes a text answer.</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="text">The body.</param>
    /// <param name="contentType">The content type.</param>
    /// <returns>A task.</returns>
    protected static async Task WriteTextAsync(HttpContext context, int status, string text, string contentType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        var bytes = Encoding.UTF8.GetBytes(text);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes an answer with no body.</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The HTTP status.</param>
    /// <returns>A task.</returns>
    protected static Task WriteEmptyAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>Writes a tiny PNG (served for image and poster URLs so nothing leaves the machine).</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task.</returns>
    protected static async Task WriteImageAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "image/png";
        context.Response.ContentLength = _onePixelPng.Length;
        await context.Response.Body.WriteAsync(_onePixelPng, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reads the request body as JSON; null when it is empty or not JSON.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The parsed body or null.</returns>
    protected static async Task<JsonNode?> ReadJsonAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Gets the <c>Authorization: Bearer</c> value, or null.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The token or null.</returns>
    protected static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>Formats with the invariant culture.</summary>
    /// <param name="text">The interpolated text.</param>
    /// <returns>The formatted text.</returns>
    protected static string Inv(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>Gets whole seconds, rounded up, never negative.</summary>
    /// <param name="span">The duration.</param>
    /// <returns>Seconds.</returns>
    protected static int CeilSeconds(TimeSpan span) => Math.Max(0, (int)Math.Ceiling(span.TotalSeconds - 1e-9));

    /// <summary>Gets the next UTC midnight.</summary>
    /// <returns>The next UTC midnight.</returns>
    protected static DateTimeOffset NextUtcMidnight() => new(DateTime.UtcNow.Date.AddDays(1), TimeSpan.Zero);

    /// <summary>Charges one request to today's quota.</summary>
    /// <returns>False when the <see cref="DailyQuota"/> is used up (the request is then not charged).</returns>
    protected bool TryConsumeQuota()
    {
        lock (_gate)
        {
            RollQuotaDay();
            if (_dailyQuota is { } quota && _quotaUsed >= quota)
            {
                return false;
            }

            _quotaUsed++;
            return true;
        }
    }

    /// <summary>Checks edge conditions before faults and limits (a proxy, Cloudflare). Returns true when it answered.</summary>
    /// <param name="context">The request.</param>
    /// <returns>True when the request was answered.</returns>
    protected virtual Task<bool> PreFilterAsync(HttpContext context) => Task.FromResult(false);

    /// <summary>Called for every request before anything is written (e.g. to add headers via <c>OnStarting</c>).</summary>
    /// <param name="context">The request.</param>
    protected virtual void OnRequest(HttpContext context)
    {
    }

    /// <summary>Answers a request that passed faults and the rate limit: authenticate, charge quota, serve.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task.</returns>
    protected abstract Task ServeAsync(HttpContext context);

    /// <summary>Answers as the service does for a wrong key.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task.</returns>
    protected abstract Task WriteBadKeyAsync(HttpContext context);

    /// <summary>Answers as the service does when throttled.</summary>
    /// <param name="context">The request.</param>
    /// <param name="retryAfterSeconds">The Retry-After value.</param>
    /// <param name="overWindow">The sliding window that was exceeded, or null for the fault mode.</param>
    /// <returns>A task.</returns>
    protected abstract Task WriteRateLimitedAsync(HttpContext context, int retryAfterSeconds, (int Permits, TimeSpan Window)? overWindow);

    /// <summary>Answers as the service does when the daily quota or account limit is used up.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task.</returns>
    protected abstract Task WriteQuotaExhaustedAsync(HttpContext context);

    /// <summary>Answers as the service does when it is down (default 503 JSON).</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task.</returns>
    protected virtual Task WriteOutageAsync(HttpContext context)
        => WriteTextAsync(context, 503, "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>", "text/html");

    /// <summary>Answers a Cloudflare-style HTML error page.</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="title">The page title.</param>
    /// <returns>A task.</returns>
    protected Task WriteHtmlErrorPageAsync(HttpContext context, int status, string title)
    {
        var host = context.Request.Host.Value;
        var html = Inv($"""
            <!DOCTYPE html>
            <html lang="en-US"><head><title>{host} | {status}: {title}</title>
            <meta charset="UTF-8" /><meta name="robots" content="noindex, nofollow" /></head>
            <body><div id="cf-wrapper"><h1><span class="cf-error-type">Error</span> <span class="cf-error-code">{status}</span></h1>
            <h2 class="cf-subheadline">{title}</h2><p>Ray ID: {Guid.NewGuid():N} &bull; {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC</p>
            <p>Performance &amp; security by Cloudflare</p></div></body></html>
            """);
        context.Response.Headers["Server"] = "cloudflare";
        return WriteTextAsync(context, status, html, "text/html; charset=UTF-8");
    }

    private async Task StartCoreAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ApplicationName = typeof(ServiceEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Listen(IPAddress.Loopback, port);
        });

        var app = builder.Build();
        RunExtensions.Run(app, HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        var bound = new Uri(addresses.First()).Port;
        _rootUrl = new Uri(Inv($"http://127.0.0.1:{bound}/"));
        _baseUrl = new Uri(Inv($"http://127.0.0.1:{bound}{BasePath}"));
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        Record(context);
        OnRequest(context);
        try
        {
            var latency = Latency;
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
            }

            if (await PreFilterAsync(context).ConfigureAwait(false))
            {
                return;
            }

            var mode = Mode;
            if (mode != FaultMode.None)
            {
                await WriteFaultAsync(context, mode).ConfigureAwait(false);
                return;
            }

            var window = Volatile.Read(ref _window);
            if (window is not null && !window.TryAcquire(out var wait, out _))
            {
                Interlocked.Increment(ref _overLimitCount);
                await WriteRateLimitedAsync(context, Math.Max(1, CeilSeconds(wait)), (window.Permits, window.Window)).ConfigureAwait(false);
                return;
            }

            await ServeAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            // The client gave up or the emulator is stopping.
        }
    }

    private async Task WriteFaultAsync(HttpContext context, FaultMode mode)
    {
        switch (mode)
        {
            case FaultMode.BadKey:
                await WriteBadKeyAsync(context).ConfigureAwait(false);
                break;
            case FaultMode.RateLimited:
                await WriteRateLimitedAsync(context, CeilSeconds(RetryAfter), null).ConfigureAwait(false);
                break;
            case FaultMode.QuotaExhausted:
                await WriteQuotaExhaustedAsync(context).ConfigureAwait(false);
                break;
            case FaultMode.Outage:
                await WriteOutageAsync(context).ConfigureAwait(false);
                break;
            case FaultMode.Timeout:
                using (var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    await Task.Delay(TimeoutHang, hang.Token).ConfigureAwait(false);
                }

                await WriteHtmlErrorPageAsync(context, 504, "Gateway time-out").ConfigureAwait(false);
                break;
            case FaultMode.HtmlErrorPage:
                await WriteHtmlErrorPageAsync(context, 502, "Bad gateway").ConfigureAwait(false);
                break;
            case FaultMode.MalformedBody:
                await WriteTextAsync(context, 200, "{\"page\":1,\"results\":[{\"id\":603,\"title\":\"The Mat", "application/json; charset=utf-8").ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException(mode.ToString());
        }
    }

    private void Record(HttpContext context)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in context.Request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? string.Empty,
            headers,
            DateTimeOffset.UtcNow);
        lock (_gate)
        {
            if (_requests.Count >= Math.Max(1, MaxRecordedRequests))
            {
                _requests.RemoveAt(0);
            }

            _requests.Add(request);
        }
    }

    private void RollQuotaDay()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (today != _quotaDay)
        {
            _quotaDay = today;
            _quotaUsed = 0;
        }
    }
}
