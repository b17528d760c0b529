using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

/// <summary>One loopback emulator per test class, plus the test-only pipeline that talks to it.</summary>
/// <typeparam name="T">The emulator type.</typeparam>
public sealed class EmulatorFixture<T> : IAsyncLifetime
    where T : ServiceEmulator, new()
{
    private T? _emulator;

    public T Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    internal DirectPipeline Pipeline { get; } = new();

    public async Task InitializeAsync()
    {
        _emulator = await ServiceEmulator.StartAsync<T>();
        // Timeout mode answers 504 after this hang, well inside the pipeline's own timeout.
        _emulator.TimeoutHang = TimeSpan.FromMilliseconds(200);
    }

    public async Task DisposeAsync()
    {
        Pipeline.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>Resets the emulator and switches it into a fault mode.</summary>
    /// <param name="mode">The mode.</param>
    public void Arrange(FaultMode mode)
    {
        Emulator.Reset();
        Emulator.Mode = mode;
    }

    /// <summary>Builds a target at the emulator's base URL.</summary>
    /// <param name="fields">Credential fields.</param>
    /// <returns>The target.</returns>
    public IntegrationTarget Target(params (string Name, string Value)[] fields) => Target(Emulator.BaseUrl, fields);

    /// <summary>Builds a target at any base URL.</summary>
    /// <param name="baseUrl">The base URL.</param>
    /// <param name="fields">Credential fields.</param>
    /// <returns>The target.</returns>
    public static IntegrationTarget Target(Uri baseUrl, params (string Name, string Value)[] fields) => new(
        baseUrl,
        new IntegrationCredentials(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        IsCandidate: true,
        new Dictionary<string, string>());

    /// <summary>Runs a connection test with a short deadline.</summary>
    /// <param name="integration">The integration.</param>
    /// <param name="target">The target.</param>
    /// <returns>The result.</returns>
    public static async Task<ConnectionTestResult> TestAsync(IIntegration integration, IntegrationTarget target)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await integration.TestConnectionAsync(target, deadline.Token);
    }
}
