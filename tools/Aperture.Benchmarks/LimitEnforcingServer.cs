using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aperture.Benchmarks;

/// <summary>
/// A loopback server that enforces limits the way a strict upstream would: per path prefix, at most N requests
/// in any window (counted on arrival, by its own clock) and an optional daily quota. Requests over a limit are
/// counted and answered 429.
/// </summary>
internal sealed class LimitEnforcingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, Enforcer> _enforcers = new(StringComparer.Ordinal);

    private LimitEnforcingServer(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<LimitEnforcingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LimitEnforcingServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address + "/");
        return server;
    }

    public Enforcer Enforce(string prefix, int limit, TimeSpan window, int dailyQuota = 0)
    {
        var enforcer = new Enforcer(limit, window, dailyQuota);
        _enforcers[prefix] = enforcer;
        return enforcer;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(HttpContext ctx)
    {
        var prefix = (ctx.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        var allowed = !_enforcers.TryGetValue(prefix, out var enforcer) || enforcer.Admit(TimeProvider.System.GetUtcNow());
        ctx.Response.ContentType = "application/json";
        if (!allowed)
        {
            ctx.Response.StatusCode = 429;
            ctx.Response.Headers.RetryAfter = "1";
            return ctx.Response.WriteAsync("{\"error\":\"over the limit\"}");
        }

        return ctx.Response.WriteAsync("{\"ok\":true}");
    }

    internal sealed class Enforcer
    {
        private readonly Lock _lock = new();
        private readonly Queue<DateTimeOffset> _recent = new();
        private readonly int _limit;
        private readonly TimeSpan _window;
        private readonly int _dailyQuota;

        public Enforcer(int limit, TimeSpan window, int dailyQuota)
        {
            _limit = limit;
            _window = window;
            _dailyQuota = dailyQuota;
        }

        public int Received { get; private set; }

        public int OverLimit { get; private set; }

        public int OverQuota { get; private set; }

        public List<DateTimeOffset> Admitted { get; } = new();

        public bool Admit(DateTimeOffset now)
        {
            lock (_lock)
            {
                Received++;
                while (_recent.Count > 0 && _recent.Peek() + _window <= now)
                {
                    _recent.Dequeue();
                }

                if (_recent.Count >= _limit)
                {
                    OverLimit++;
                    return false;
                }

                if (_dailyQuota > 0 && Admitted.Count >= _dailyQuota)
                {
                    OverQuota++;
                    return false;
                }

                _recent.Enqueue(now);
                Admitted.Add(now);
                return true;
            }
        }
    }
}
