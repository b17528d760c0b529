using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Aperture.Benchmarks;

/// <summary>
/// Drives the real pipeline, on real time, against a server that enforces the same limits, and prints ratios:
/// achieved rate / limit, requests over the limit, and how many background requests an interactive call waited for.
/// </summary>
internal static class PipelineBenchmark
{
    private const string Tmdb = "tmdb-like";
    private const string TraktWrites = "trakt-write-like";
    private const string Quota = "quota-like";

    public static async Task<int> RunAsync()
    {
        var dataDir = Directory.CreateTempSubdirectory("aperture-bench-").FullName;
        await using var server = await LimitEnforcingServer.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new AperturePaths(dataDir));
        services.AddSingleton<ApertureDatabase>();
        services.AddSingleton<IPluginConfigurationStore, InMemoryConfigurationStore>();
        services.AddSingleton<IIntegration>(new BenchIntegration(Tmdb, new IntegrationLimits(40, TimeSpan.FromSeconds(1), 0, 0, 8, TimeSpan.FromSeconds(10))));
        services.AddSingleton<IIntegration>(new BenchIntegration(TraktWrites, new IntegrationLimits(1000, TimeSpan.FromMinutes(5), 5, 0, 4, TimeSpan.FromSeconds(10))));
        services.AddSingleton<IIntegration>(new BenchIntegration(Quota, new IntegrationLimits(40, TimeSpan.FromSeconds(1), 0, 30, 8, TimeSpan.FromSeconds(10))));
        services.AddSingleton<IntegrationRegistry>();
        services.AddSingleton<IntegrationSettingsService>();
        services.AddSingleton<SecretRedactor>();
        services.AddSingleton<IHealthRecorder, NoHealth>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient();
        ApertureServices.AddUpstreamPipeline(services);
        var ok = true;
        await using (var provider = services.BuildServiceProvider())
        {
            var pipeline = provider.GetRequiredService<UpstreamPipeline>();
            Console.WriteLine("Pipeline limits (real time, loopback server enforcing the same limit)");
            ok &= await RateCaseAsync(pipeline, server, Tmdb, "TMDb-like reads, 40 per 1 s", limit: 40, window: TimeSpan.FromSeconds(1), backlog: 240, isWrite: false);
            ok &= await RateCaseAsync(pipeline, server, TraktWrites, "Trakt-write-like writes, 5 per 1 s", limit: 5, window: TimeSpan.FromSeconds(1), backlog: 30, isWrite: true);
            ok &= await QuotaCaseAsync(pipeline, server);
            pipeline.Dispose();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
        Console.WriteLine(ok ? "All targets met." : "Some targets were missed.");
        return ok ? 0 : 1;
    }

    private static async Task<bool> RateCaseAsync(
        UpstreamPipeline pipeline, LimitEnforcingServer server, string service, string title, int limit, TimeSpan window, int backlog, bool isWrite)
    {
        var enforcer = server.Enforce(service, limit, window);
        var background = Enumerable.Range(0, backlog)
            .Select(i => pipeline.SendAsync(Request(server, service, "bg/" + i, RequestPriority.Background, isWrite), default))
            .ToList();

        // Interactive probes while the backlog waits: how many permits does the scheduler hand to others between the
        // moment an interactive call queues and the moment it gets its own? Read from the scheduler: on the wire,
        // with 8 in flight, the lag between a grant and its send blurs the order by several requests.
        var waits = new List<(long Waited, int Queued)>();
        for (var probe = 0; probe < 4; probe++)
        {
            await Task.Delay(window * 0.7);
            var before = pipeline.GetSnapshot(service);
            if (before.QueuedBackground == 0)
            {
                break;
            }

            var response = await pipeline.SendAsync(Request(server, service, "interactive/" + probe, RequestPriority.Interactive, isWrite), default);
            var waited = response.IsSuccess ? pipeline.GetSnapshot(service).LastInteractiveWait : long.MaxValue;
            waits.Add((waited, before.QueuedBackground));
        }

        var responses = await Task.WhenAll(background);
        var admitted = enforcer.Admitted.Order().ToList();

        // Throughput over the whole windows the backlog took: a perfect limiter fills each one exactly.
        var windows = Math.Max(1, (int)((admitted[^1] - admitted[0]) / window));
        var inWindows = admitted.Count(a => a < admitted[0] + (window * windows));
        var achieved = (double)inWindows / (windows * limit);
        var worst = waits.Count == 0 ? (0, 0) : waits.MaxBy(w => w.Waited);
        Console.WriteLine($"- {title}: {enforcer.Received} requests sent ({responses.Count(r => r.IsSuccess)}/{backlog} background succeeded), "
            + $"achieved rate / limit = {achieved.ToString("0.000", CultureInfo.InvariantCulture)} over {windows} windows, requests over the limit = {enforcer.OverLimit}; "
            + $"interactive call waited {worst.Waited} permit intervals while {worst.Queued} background requests were queued (worst of {waits.Count} probes)");
        return achieved >= 0.95 && enforcer.OverLimit == 0 && worst.Waited <= 1;
    }

    private static async Task<bool> QuotaCaseAsync(UpstreamPipeline pipeline, LimitEnforcingServer server)
    {
        var enforcer = server.Enforce(Quota, 40, TimeSpan.FromSeconds(1), dailyQuota: 30);
        var responses = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => pipeline.SendAsync(Request(server, Quota, "bg/" + i, RequestPriority.Background, false), default)));
        var refusedLocally = responses.Count(r => r.Outcome == UpstreamOutcome.QuotaExhausted && r.StatusCode is null);
        var snapshot = pipeline.GetSnapshot(Quota);
        Console.WriteLine($"- Daily quota 30, 50 requests: {enforcer.Received} requests sent, used today {snapshot.UsedToday}/{snapshot.DailyQuota}, "
            + $"{refusedLocally} answered QuotaExhausted without a request (parked until {snapshot.ParkedUntil:yyyy-MM-dd HH:mm} UTC), "
            + $"requests over the quota = {enforcer.OverQuota}, over the rate limit = {enforcer.OverLimit}");
        return enforcer.OverQuota == 0 && enforcer.OverLimit == 0 && enforcer.Received == 30 && refusedLocally == 20;
    }

    private static UpstreamRequest Request(LimitEnforcingServer server, string service, string path, RequestPriority priority, bool isWrite) => new()
    {
        Service = service,
        Target = new IntegrationTarget(server.BaseUrl, new IntegrationCredentials([]), false, new System.Collections.Generic.Dictionary<string, string>()),
        Path = service + "/" + path,
        Priority = priority,
        IsWrite = isWrite,
        Method = isWrite ? HttpMethod.Post : HttpMethod.Get,
        JsonBody = isWrite ? "{}" : null,
    };
}
