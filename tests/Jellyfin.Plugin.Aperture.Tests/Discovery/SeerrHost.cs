using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Tests.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Discovery;

/// <summary>
/// Discovery wired as the plugin wires it (real pipeline with Seerr's limits, real database) against a fresh Seerr
/// emulator with the admin API key saved. One attempt per call.
/// </summary>
public sealed class SeerrHost : IAsyncLifetime
{
    private readonly ClockPump _pump = new();
    private SeerrEmulator? _seerr;
    private TestHost? _host;

    public SeerrEmulator Seerr => _seerr ?? throw new InvalidOperationException("Not started.");

    public TestHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _seerr = await SeerrEmulator.StartAsync();
        _host = new TestHost(configure: services =>
        {
            services.AddSingleton(new UpstreamPipelineOptions { MaxAttempts = 1 });
            _pump.Watch(services);
        });
        Assert.Null(_host.Get<IntegrationSettingsService>().Update(new IntegrationSettings { Id = IntegrationIds.Seerr, BaseUrl = _seerr.BaseUrl.AbsoluteUri }));
        _host.Get<CredentialStore>().Set(IntegrationIds.Seerr, new IntegrationCredentials(new Dictionary<string, string> { ["apiKey"] = _seerr.ValidKey }));
    }

    /// <summary>Runs work that may wait on the pipeline's fake clock.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="work">The work.</param>
    /// <returns>Its result.</returns>
    public Task<T> RunAsync<T>(Task<T> work) => _pump.RunAsync(Host.Time, work);

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        if (_seerr is not null)
        {
            await _seerr.DisposeAsync();
        }
    }
}
