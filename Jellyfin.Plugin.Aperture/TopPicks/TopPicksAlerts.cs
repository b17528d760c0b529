using System;
using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Health;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>
/// Top Picks' alerts: filed under their own service (<see cref="Service"/>), apart from MDBList's, which close on any
/// good MDBList call; these close only when a run synced every list. Like every alert, they reach the activity log.
/// </summary>
public sealed class TopPicksAlerts
{
    /// <summary>The alert "service" Top Picks alerts are filed under.</summary>
    public const string Service = "toppicks";

    private readonly AlertStore _alerts;
    private readonly IEnumerable<IAlertNotifier> _notifiers;
    private readonly TimeProvider _time;
    private readonly ILogger<TopPicksAlerts> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="TopPicksAlerts"/> class.
    /// </summary>
    /// <param name="alerts">The alert store.</param>
    /// <param name="notifiers">Where alerts are announced (Jellyfin's activity log).</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public TopPicksAlerts(AlertStore alerts, IEnumerable<IAlertNotifier> notifiers, TimeProvider time, ILogger<TopPicksAlerts> logger)
    {
        _alerts = alerts;
        _notifiers = notifiers;
        _time = time;
        _logger = logger;
    }

    /// <summary>Opens (or counts again) the Top Picks alert of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="message">What happened.</param>
    /// <param name="action">What to do.</param>
    /// <param name="resetAt">When a spent quota resets, if known.</param>
    public void Open(AlertKind kind, string message, string action, DateTimeOffset? resetAt)
    {
        var (alert, isNew) = _alerts.Open(Service, kind, AlertSeverity.Warning, message, action, resetAt, _time.GetUtcNow());
        if (isNew)
        {
            Notify(n => n.Opened(alert));
        }
    }

    /// <summary>Closes every open Top Picks alert (a run synced every list).</summary>
    public void Recovered()
    {
        foreach (var alert in _alerts.ResolveAll(Service, "recovered", _time.GetUtcNow()))
        {
            Notify(n => n.Resolved(alert, "recovered"));
        }
    }

    private void Notify(Action<IAlertNotifier> action)
    {
        foreach (var notifier in _notifiers)
        {
            try
            {
                action(notifier);
            }
#pragma warning disable CA1031 // A failing notifier (such as the activity log) must not stop the sync.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogError(ex, "Aperture could not deliver a Top Picks alert notification");
            }
        }
    }
}
