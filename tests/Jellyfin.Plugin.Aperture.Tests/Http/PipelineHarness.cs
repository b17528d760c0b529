using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Http;

/// <summary>
/// The pipeline wired by <see cref="ApertureServices.AddUpstreamPipeline"/> as in Jellyfin, with a fake clock, a loopback
/// server, a recording health sink and a capturing logger. Time moves only when a test drives it.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    public const string Service = "svc";

    private readonly ServiceProvider _provider;
    private readonly string _serviceId;
    private readonly bool _ownsData;

    private PipelineHarness(ServiceProvider provider, LoopbackServer server, FakeTimeProvider time, string dataDir, bool ownsData, CapturingLoggerProvider logs, RecordingHealth health, string serviceId)
    {
        _serviceId = serviceId;
        _provider = provider;
        Server = server;
        Time = time;
        DataDir = dataDir;
        _ownsData = ownsData;
        Logs = logs;
        Health = health;
        Pipeline = provider.GetRequiredService<UpstreamPipeline>();
    }

    public static IntegrationLimits DefaultLimits { get; } = new(100, TimeSpan.FromSeconds(10), 0, 0, 8, TimeSpan.FromSeconds(30));

    public static UpstreamPipelineOptions DefaultOptions { get; } = new();

    public LoopbackServer Server { get; }

    public FakeTimeProvider Time { get; }

    public string DataDir { get; }

    public CapturingLoggerProvider Logs { get; }

    public RecordingHealth Health { get; }

    public UpstreamPipeline Pipeline { get; }

    public IServiceProvider Services => _provider;

    public static async Task<PipelineHarness> StartAsync(
        IntegrationLimits? limits = null,
        UpstreamPipelineOptions? options = null,
        string? dataDir = null,
        FakeTimeProvider? time = null,
        string service = Service)
    {
        time ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var ownsData = dataDir is null;
        dataDir ??= Directory.CreateTempSubdirectory("aperture-pipe-").FullName;
        var logs = new CapturingLoggerProvider();
        var health = new RecordingHealth();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(new AperturePaths(dataDir));
        services.AddSingleton<ApertureDatabase>();
        services.AddSingleton<IPluginConfigurationStore, InMemoryConfigurationStore>();
        services.AddSingleton<IIntegration>(new TestIntegration(service, limits ?? DefaultLimits));
        services.AddSingleton<IntegrationRegistry>();
        services.AddSingleton<IntegrationSettingsService>();
        services.AddSingleton<SecretRedactor>();
        services.AddSingleton<IHealthRecorder>(health);
        services.AddSingleton(options ?? DefaultOptions);
        services.AddHttpClient();
        ApertureServices.AddUpstreamPipeline(services);
        var provider = services.BuildServiceProvider();
        var server = await LoopbackServer.StartAsync(time);
        return new PipelineHarness(provider, server, time, dataDir, ownsData, logs, health, service);
    }

    public UpstreamRequest Request(
        string path = "item",
        RequestPriority priority = RequestPriority.Background,
        bool isWrite = false,
        IntegrationCredentials? credentials = null,
        Uri? baseUrl = null) => new()
        {
            Service = _serviceId,
            Target = new IntegrationTarget(baseUrl ?? Server.BaseUrl, credentials ?? new IntegrationCredentials([]), false, new System.Collections.Generic.Dictionary<string, string>()),
            Path = path,
            Priority = priority,
            IsWrite = isWrite,
            Method = isWrite ? System.Net.Http.HttpMethod.Post : System.Net.Http.HttpMethod.Get,
            JsonBody = isWrite ? "{}" : null,
        };

    public Task<UpstreamResponse> Send(UpstreamRequest request) => Pipeline.SendAsync(request, default);

    /// <summary>Moves the fake clock in steps until every task ends (bounded by steps, not by time).</summary>
    public Task Drive(IEnumerable<Task> tasks, TimeSpan step, int maxSteps = 2000) => Drive(Time, tasks, step, maxSteps);

    /// <summary>Moves a fake clock in steps until every task ends (bounded by steps, not by time).</summary>
    public static async Task Drive(FakeTimeProvider time, IEnumerable<Task> tasks, TimeSpan step, int maxSteps = 2000)
    {
        ArgumentNullException.ThrowIfNull(time);
        var all = Task.WhenAll(tasks);
        for (var i = 0; i < maxSteps && !all.IsCompleted; i++)
        {
            await Task.WhenAny(all, Task.Delay(2));
            if (!all.IsCompleted)
            {
                time.Advance(step);
            }
        }

        Assert.True(all.IsCompleted, "The calls did not finish within the step budget.");
        await all;
    }

    public async Task<UpstreamResponse> Drive(Task<UpstreamResponse> task, TimeSpan step, int maxSteps = 2000)
    {
        await Drive([task], step, maxSteps);
        return await task;
    }

    /// <summary>Waits (real time, bounded) until a condition holds, without moving the fake clock.</summary>
    public static async Task Until(Func<bool> condition, string what)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "Timed out waiting until " + what);
    }

    public BudgetSnapshot Snapshot() => Pipeline.GetSnapshot(_serviceId);

    public IReadOnlyList<LoopbackServer.Hit> HitsInOrder() => Server.Hits.OrderBy(h => h.Index).ToList();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Pipeline.Dispose();
        await _provider.DisposeAsync();
        if (_ownsData)
        {
            DeleteData(DataDir);
        }
    }

    public static void DeleteData(string dataDir)
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
    }
}
