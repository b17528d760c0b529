using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Tests.Http;

/// <summary>A real Kestrel server on 127.0.0.1 with a replaceable handler; records each hit with the test clock's time.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private int _count;
    private int _disposed;

    private LoopbackServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    /// <summary>Gets or sets what the server answers; the int is the 0-based hit index.</summary>
    public Func<HttpContext, int, Task> Handler { get; set; } = (ctx, _) => Json(ctx, 200, "{}");

    public ConcurrentQueue<Hit> Hits { get; } = new();

    public int Count => Volatile.Read(ref _count);

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<LoopbackServer> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackServer(app, time);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address + "/api/");
        return server;
    }

    public static Task Json(HttpContext ctx, int status, string body, string contentType = "application/json")
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        return ctx.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(HttpContext ctx)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        Hits.Enqueue(new Hit(index, ctx.Request.Path.Value ?? string.Empty, ctx.Request.QueryString.Value ?? string.Empty, _time.GetUtcNow()));
        return Handler(ctx, index);
    }

    public sealed record Hit(int Index, string Path, string Query, DateTimeOffset At);
}
