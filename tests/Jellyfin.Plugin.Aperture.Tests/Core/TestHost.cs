using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Jellyfin.Plugin.Aperture.Tests.Core;

/// <summary>
/// Aperture's services wired as the plugin wires them, on a temporary data folder, with a fake integration whose
/// next answer a test chooses.
/// </summary>
public sealed class TestHost : IDisposable
{
    public TestHost(Action<IServiceCollection>? configure = null, Action<IServiceCollection>? overrides = null)
    {
        DataDirectory = Directory.CreateTempSubdirectory("aperture-test-").FullName;
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(new AperturePaths(DataDirectory));
        services.AddSingleton<IPluginConfigurationStore>(Configuration);
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IIntegration>(Fake);
        services.TryAddSingleton<IUpstreamBudgetMonitor, FixedBudgetMonitor>();
        configure?.Invoke(services);
        ApertureServices.Add(services);

        // Replacements of what ApertureServices registered (fake data sources and the like).
        overrides?.Invoke(services);
        Provider = services.BuildServiceProvider();
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public InMemoryConfigurationStore Configuration { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public FakeIntegration Fake { get; } = new();

    public ServiceProvider Provider { get; }

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    public void Dispose()
    {
        Provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
