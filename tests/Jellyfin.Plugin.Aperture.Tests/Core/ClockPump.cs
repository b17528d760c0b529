using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jellyfin.Plugin.Aperture.Tests.Core;

/// <summary>
/// Runs the production pipeline against real loopback servers on a fake clock: moves the clock half a second at a
/// time while work waits on it (retry back-off, Retry-After pauses, rate-limit windows, circuit breaks), but not
/// while a request is on the wire, because the clock racing ahead of a slow real answer would fire the pipeline's
/// per-attempt timeout on a service that works. Real time only paces the loop; nothing is timed.
/// </summary>
public sealed class ClockPump
{
    private const int MaxAdvances = 20_000;
    private const int MaxPolls = 100_000;
    private static readonly TimeSpan _step = TimeSpan.FromMilliseconds(500);
    private int _inFlight;

    /// <summary>
    /// Gets or sets a value indicating whether the clock also moves while a request is on the wire: only for an
    /// upstream that hangs, so that the pipeline's own timeout is what ends the attempt.
    /// </summary>
    public bool AdvanceDuringRequests { get; set; }

    /// <summary>Watches the pipeline's HttpClient, so the pump knows when a request is on the wire.</summary>
    /// <param name="services">The services the pipeline is added to.</param>
    public void Watch(IServiceCollection services) =>
        services.AddHttpClient(UpstreamPipeline.HttpClientName).AddHttpMessageHandler(() => new InFlightHandler(this));

    /// <summary>Awaits work that waits on the fake clock.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="time">The clock the pipeline was given.</param>
    /// <param name="work">The work.</param>
    /// <returns>The work's result.</returns>
    public async Task<T> RunAsync<T>(FakeTimeProvider time, Task<T> work)
    {
        var advances = 0;
        for (var poll = 0; !work.IsCompleted; poll++)
        {
            if (advances > MaxAdvances || poll > MaxPolls)
            {
                throw new TimeoutException($"The work did not finish within {advances} clock steps of {_step.TotalSeconds} s.");
            }

            await Task.WhenAny(work, Task.Delay(2));
            if (!work.IsCompleted && (AdvanceDuringRequests || Volatile.Read(ref _inFlight) == 0))
            {
                time.Advance(_step);
                advances++;
            }
        }

        return await work;
    }

    private sealed class InFlightHandler : DelegatingHandler
    {
        private readonly ClockPump _pump;

        public InFlightHandler(ClockPump pump)
        {
            _pump = pump;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _pump._inFlight);
            try
            {
                var response = await base.SendAsync(request, cancellationToken);

                // The pipeline reads the body after the headers; that read is still "on the wire".
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return response;
            }
            finally
            {
                Interlocked.Decrement(ref _pump._inFlight);
            }
        }
    }
}
