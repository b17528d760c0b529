using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>
/// While an outage alert is open and nothing else calls that service, checks it again every few minutes with a
/// connection test, so the alert clears itself when the service is back.
/// </summary>
public sealed class OutageProbe : BackgroundService
{
    /// <summary>How long to wait between probes of a service that is down.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private readonly AlertStore _alerts;
    private readonly ConnectionTester _tester;
    private readonly IntegrationStatusService _status;
    private readonly TimeProvider _time;
    private readonly ILogger<OutageProbe> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="OutageProbe"/> class.
    /// </summary>
    /// <param name="alerts">The alert store.</param>
    /// <param name="tester">The connection tester.</param>
    /// <param name="status">The status service.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public OutageProbe(AlertStore alerts, ConnectionTester tester, IntegrationStatusService status, TimeProvider time, ILogger<OutageProbe> logger)
    {
        _alerts = alerts;
        _tester = tester;
        _status = status;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Probes once every service that has an open outage (or unreadable-answer) alert.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The number of services probed.</returns>
    public async Task<int> ProbeOnceAsync(CancellationToken cancellationToken)
    {
        var open = _alerts.ListOpen();

        // The probe is a connection test, and a connection test may lift a parked quota (after a tier upgrade or a
        // new key). A service whose daily quota is spent therefore waits for its reset instead of being probed.
        var now = _time.GetUtcNow();
        var quotaSpent = open.Where(a => a.Kind == AlertKind.Quota && (a.ResetAt is null || a.ResetAt > now)).Select(a => a.Service).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var services = open
            .Where(a => a.Kind is AlertKind.Outage or AlertKind.BadResponse)
            .Select(a => a.Service)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(s => !quotaSpent.Contains(s))
            .Where(_status.IsConfigured)
            .ToList();
        foreach (var service in services)
        {
            var (result, _) = await _tester.TestAsync(service, null, null, cancellationToken).ConfigureAwait(false);
            _logger.LogDebug("Aperture probed {Service} during an outage: {Outcome}", service, result?.Outcome);
        }

        return services.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, _time, stoppingToken).ConfigureAwait(false);
                await ProbeOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The probe must keep running whatever one round throws.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogError(ex, "Aperture's outage probe failed; it will try again in {Interval}", Interval);
            }
        }
    }
}
