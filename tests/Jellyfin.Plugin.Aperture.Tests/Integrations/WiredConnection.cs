using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Tests.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

/// <summary>
/// One connection test's worth of Aperture, wired as the plugin wires it (<see cref="TestHost"/>): the real
/// pipeline with each service's default limits, the shipped retry policy, per-attempt timeout and circuit breaker,
/// real health and alerts. A fresh one per test, so one test's pauses, parks and circuit never reach the next.
/// The fake clock moves only while a call waits on it (<see cref="ClockPump"/>).
/// </summary>
public sealed class WiredConnection : IDisposable
{
    private readonly ClockPump _pump = new();
    private readonly TestHost _host;

    public WiredConnection()
    {
        _host = new TestHost(configure: services =>
        {
            _pump.Watch(services);

            // Registered before the plugin's own line, which then leaves it in place: every integration's
            // calls pass through this recorder into the real pipeline.
            services.AddSingleton<IUpstreamPipeline>(sp => new Recorder(sp.GetRequiredService<UpstreamPipeline>(), Sent));
        });
    }

    /// <summary>Gets every request the integrations sent, in order.</summary>
    public ConcurrentQueue<UpstreamRequest> Sent { get; } = new();

    /// <summary>Gets the alerts open now, as the page lists them.</summary>
    public IReadOnlyList<Alert> OpenAlerts => _host.Get<AlertStore>().ListOpen();

    /// <summary>
    /// Gets or sets a value indicating whether the clock moves while a request is on the wire (an upstream that
    /// hangs, so the pipeline's own timeout ends the attempt).
    /// </summary>
    public bool UpstreamHangs
    {
        get => _pump.AdvanceDuringRequests;
        set => _pump.AdvanceDuringRequests = value;
    }

    /// <summary>Runs the service's connection test as Test Connection does, moving the clock while it waits.</summary>
    /// <param name="service">The integration id.</param>
    /// <param name="target">The target.</param>
    /// <returns>The result.</returns>
    public async Task<ConnectionTestResult> TestAsync(string service, IntegrationTarget target)
    {
        // Only a guard against a hang; the pump bounds the fake time.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var integration = _host.Get<IntegrationRegistry>().Get(service);
        return await _pump.RunAsync(_host.Time, integration.TestConnectionAsync(target, guard.Token));
    }

    public void Dispose() => _host.Dispose();

    private sealed class Recorder : IUpstreamPipeline
    {
        private readonly IUpstreamPipeline _inner;
        private readonly ConcurrentQueue<UpstreamRequest> _sent;

        public Recorder(IUpstreamPipeline inner, ConcurrentQueue<UpstreamRequest> sent)
        {
            _inner = inner;
            _sent = sent;
        }

        public Task<UpstreamResponse> SendAsync(UpstreamRequest request, CancellationToken cancellationToken)
        {
            _sent.Enqueue(request);
            return _inner.SendAsync(request, cancellationToken);
        }
    }
}
