using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>
/// Turns call outcomes into each integration's health and alerts: failures open (or repeat) one alert per kind,
/// and the next success closes them all (recovery), whichever part of Aperture made the call.
/// </summary>
public sealed class IntegrationHealth : IHealthRecorder
{
    private readonly HealthStore _health;
    private readonly AlertStore _alerts;
    private readonly IEnumerable<IAlertNotifier> _notifiers;
    private readonly TimeProvider _time;
    private readonly ILogger<IntegrationHealth> _logger;
    private readonly ConcurrentDictionary<string, int> _testsRunning = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Initializes a new instance of the <see cref="IntegrationHealth"/> class.
    /// </summary>
    /// <param name="health">The health store.</param>
    /// <param name="alerts">The alert store.</param>
    /// <param name="notifiers">Who hears about alerts.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public IntegrationHealth(HealthStore health, AlertStore alerts, IEnumerable<IAlertNotifier> notifiers, TimeProvider time, ILogger<IntegrationHealth> logger)
    {
        _health = health;
        _alerts = alerts;
        _notifiers = notifiers;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Tells whether a connection test of the integration is running.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <returns>True while a test runs.</returns>
    public bool IsTesting(string service) => _testsRunning.TryGetValue(service, out var count) && count > 0;

    /// <inheritdoc />
    public void TestStarted(string service) => _testsRunning.AddOrUpdate(service, 1, (_, count) => count + 1);

    /// <summary>
    /// Records the end of a connection test of the stored credentials.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="result">The result, or null when the test was cancelled.</param>
    public void TestFinished(string service, ConnectionTestResult? result)
    {
        _testsRunning.AddOrUpdate(service, 0, (_, count) => Math.Max(0, count - 1));
        if (result is null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        _health.Update(service, r => r with { LastTestAt = now, LastTestOk = result.Succeeded, Warning = result.Succeeded ? result.Warning : null });
    }

    /// <inheritdoc />
    public void Record(string service, UpstreamResponse response, bool isConnectionTest, bool isCandidate, string? scope = null, bool isWrite = false)
    {
        ArgumentNullException.ThrowIfNull(response);

        // A candidate key under test says nothing about the saved one.
        if (isCandidate)
        {
            return;
        }

        var now = _time.GetUtcNow();
        if (response.Outcome is UpstreamOutcome.Success or UpstreamOutcome.NotFound)
        {
            _health.Update(service, r => r with { LastSuccessAt = now });

            // The service answering says nothing about one user's account limit: only that user's next write does.
            foreach (var alert in _alerts.ResolveAll(service, "recovered", now, keepScoped: true))
            {
                _logger.LogInformation("Aperture: {Service} recovered; closed the {Kind} alert", service, alert.Kind);
                Notify(n => n.Resolved(alert, "recovered"));
            }

            if (scope is not null)
            {
                // That account's own alerts: its rate limit ends with any answer, its account limit with a write.
                Close(service, AlertKind.RateLimit, scope, "the account's calls go through again", now);
                if (isWrite && response.IsSuccess)
                {
                    Close(service, AlertKind.AccountLimit, scope, "the account's next write succeeded", now);
                }
            }

            return;
        }

        // A user's own token refused (401) is that user's link, handled per user ("link again"); the app's credentials
        // (Trakt answers 403 to a bad Client ID) are still fine, so no service-wide alert.
        if (scope is not null && response.Outcome == UpstreamOutcome.Authentication && response.StatusCode == 401)
        {
            return;
        }

        var (kind, severity, action) = Describe(response);
        var message = string.IsNullOrWhiteSpace(response.Message) ? response.Outcome.ToString() : response.Message;

        // Limits of one account (Trakt's are per user) are that account's alert; the rest are the service's.
        var alertScope = kind is AlertKind.AccountLimit or AlertKind.RateLimit ? scope : null;
        if (alertScope is null && kind != AlertKind.AccountLimit)
        {
            // One account's limit is not the service failing: the service's last error stays as it was.
            _health.Update(service, r => r with { LastErrorAt = now, LastError = message });
        }

        var (raised, isNew) = _alerts.Open(service, kind, severity, message, action, response.ResetAt, now, alertScope);
        if (isNew)
        {
            _logger.LogWarning("Aperture: {Service} {Kind} alert: {Message}", service, kind, message);
            Notify(n => n.Opened(raised));
        }
    }

    private void Close(string service, AlertKind kind, string scope, string resolution, DateTimeOffset now)
    {
        if (_alerts.Resolve(service, kind, scope, resolution, now) is { } closed)
        {
            _logger.LogInformation("Aperture: {Service} closed the {Kind} alert of account {Scope}: {Resolution}", service, kind, scope, resolution);
            Notify(n => n.Resolved(closed, "recovered"));
        }
    }

    /// <summary>
    /// Closes an integration's alerts and forgets its health, because its credentials were replaced or cleared.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="resolution">Why, e.g. "credentials cleared".</param>
    public void Reset(string service, string resolution)
    {
        foreach (var alert in _alerts.ResolveAll(service, resolution, _time.GetUtcNow()))
        {
            Notify(n => n.Resolved(alert, resolution));
        }

        _health.Delete(service);
    }

    /// <summary>
    /// Tells the notifiers that the admin dismissed an alert.
    /// </summary>
    /// <param name="alert">The dismissed alert.</param>
    public void NotifyDismissed(Alert alert) => Notify(n => n.Resolved(alert, "dismissed"));

    /// <summary>
    /// Gets an integration's health record.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <returns>The record.</returns>
    public HealthRecord Get(string service) => _health.Get(service);

    private static (AlertKind Kind, AlertSeverity Severity, string Action) Describe(UpstreamResponse response) => response.Outcome switch
    {
        UpstreamOutcome.Authentication => (AlertKind.Authentication, AlertSeverity.Error,
            "Check the key in Aperture's settings, save it again and press Test Connection."),
        UpstreamOutcome.RateLimited => (AlertKind.RateLimit, AlertSeverity.Warning,
            "Aperture slows down and retries on its own. If this keeps happening, lower the request limit in this service's settings."),
        UpstreamOutcome.QuotaExhausted => (AlertKind.Quota, AlertSeverity.Warning,
            response.ResetAt is { } reset
                ? "Requests resume on their own after the reset at " + reset.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) + ". A higher tier raises the limit."
                : "Requests resume on their own after the service's reset. A higher tier raises the limit."),
        UpstreamOutcome.AccountLimit => (AlertKind.AccountLimit, AlertSeverity.Warning,
            "The account's owner fixes this on the service's site (remove items, unlock the account or upgrade). Other users are not affected; this alert closes when the account's next write succeeds."),
        UpstreamOutcome.Outage => (AlertKind.Outage, AlertSeverity.Info,
            "Nothing to do: Aperture retries in the background and clears this alert when the service answers again."),
        _ => (AlertKind.BadResponse, AlertSeverity.Warning,
            "Check the base URL. If a reverse proxy or login page sits in front of the service, let Jellyfin reach it directly."),
    };

    private void Notify(Action<IAlertNotifier> action)
    {
        foreach (var notifier in _notifiers)
        {
            try
            {
                action(notifier);
            }
#pragma warning disable CA1031 // A failing notifier (such as the activity log) must not break the call that raised the alert.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogError(ex, "Aperture could not deliver an alert notification");
            }
        }
    }
}
