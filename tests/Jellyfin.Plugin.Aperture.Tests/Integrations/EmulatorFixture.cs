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

/// <summary>
/// One loopback emulator per test class. Each test talks to it through its own <see cref="WiredConnection"/>.
/// </summary>
/// <typeparam name="T">The emulator type.</typeparam>
public sealed class EmulatorFixture<T> : IAsyncLifetime
    where T : ServiceEmulator, new()
{
    private T? _emulator;

    public T Emulator => _emulator ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        // Timeout mode keeps its longest hang, so the pipeline's own per-attempt timeout is what ends it.
        _emulator = await ServiceEmulator.StartAsync<T>();
    }

    public async Task DisposeAsync()
    {
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

    /// <summary>
    /// Builds a target with keys as if saved (not candidates), so the pipeline records the outcome in health and
    /// alerts as it does for the saved key's Test Connection.
    /// </summary>
    /// <param name="fields">Credential fields.</param>
    /// <returns>The target.</returns>
    public IntegrationTarget Saved(params (string Name, string Value)[] fields) => Target(fields) with { IsCandidate = false };

    /// <summary>Builds a target at any base URL.</summary>
    /// <param name="baseUrl">The base URL.</param>
    /// <param name="fields">Credential fields.</param>
    /// <returns>The target.</returns>
    public static IntegrationTarget Target(Uri baseUrl, params (string Name, string Value)[] fields) => new(
        baseUrl,
        new IntegrationCredentials(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        IsCandidate: true,
        new Dictionary<string, string>());
}
