using System;
using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>
/// The Trakt account-limit alert raised when a user's watchlist adds would go over their account's limit: opened
/// (or updated) naming the users held back and why, closed when no user is held back any more.
/// </summary>
public sealed class AccountLimitAlert
{
    private const string Action = "Nothing is lost: the titles stay on the playlist and are sent once they fit. Remove titles from the user's Trakt watchlist, or the user upgrades to Trakt VIP.";
    private readonly AlertStore _alerts;
    private readonly IEnumerable<IAlertNotifier> _notifiers;
    private readonly TimeProvider _time;
    private readonly ILogger<AccountLimitAlert> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="AccountLimitAlert"/> class.
    /// </summary>
    /// <param name="alerts">The alert store.</param>
    /// <param name="notifiers">Who hears about alerts (Jellyfin's activity log).</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public AccountLimitAlert(AlertStore alerts, IEnumerable<IAlertNotifier> notifiers, TimeProvider time, ILogger<AccountLimitAlert> logger)
    {
        _alerts = alerts;
        _notifiers = notifiers;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Opens the alert, or updates its message.
    /// </summary>
    /// <param name="message">Which users are held back and why.</param>
    public void Open(string message)
    {
        var (alert, isNew) = _alerts.Open(IntegrationIds.Trakt, AlertKind.AccountLimit, AlertSeverity.Warning, message, Action, null, _time.GetUtcNow());
        if (isNew)
        {
            _logger.LogWarning("Aperture: Trakt account limit: {Message}", message);
            foreach (var notifier in _notifiers)
            {
                notifier.Opened(alert);
            }
        }
    }

    /// <summary>
    /// Closes the alert when it is open.
    /// </summary>
    public void Clear()
    {
        if (_alerts.Resolve(IntegrationIds.Trakt, AlertKind.AccountLimit, "within the limit again", _time.GetUtcNow()) is { } alert)
        {
            _logger.LogInformation("Aperture: Trakt watchlists fit their account limits again; closed the account-limit alert");
            foreach (var notifier in _notifiers)
            {
                notifier.Resolved(alert, "within the limit again");
            }
        }
    }
}
