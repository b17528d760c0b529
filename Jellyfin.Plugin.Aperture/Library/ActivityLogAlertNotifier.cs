using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Jellyfin.Database.Implementations.Entities;
using Jellyfin.Plugin.Aperture.Health;
using MediaBrowser.Model.Activity;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// Writes Aperture's alerts to Jellyfin's activity log (Dashboard → Activity), so admins see them where they look
/// for server events.
/// </summary>
public sealed class ActivityLogAlertNotifier : IAlertNotifier
{
    private const string EntryType = "Aperture";
    private readonly IActivityManager _activityManager;
    private readonly ILogger<ActivityLogAlertNotifier> _logger;
    private volatile bool _unavailable;

    /// <summary>
    /// Initializes a new instance of the <see cref="ActivityLogAlertNotifier"/> class.
    /// </summary>
    /// <param name="activityManager">Jellyfin's activity manager.</param>
    /// <param name="logger">The logger.</param>
    public ActivityLogAlertNotifier(IActivityManager activityManager, ILogger<ActivityLogAlertNotifier> logger)
    {
        _activityManager = activityManager;
        _logger = logger;
    }

    /// <inheritdoc />
    public void Opened(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var severity = alert.Severity switch
        {
            AlertSeverity.Error => LogLevel.Error,
            AlertSeverity.Warning => LogLevel.Warning,
            _ => LogLevel.Information,
        };
        Write($"Aperture: {alert.Service} {alert.Kind} alert{Account(alert)}", alert.Message, alert.Action, severity);
    }

    /// <inheritdoc />
    public void Resolved(Alert alert, string resolution)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Write($"Aperture: {alert.Service} {alert.Kind} alert{Account(alert)} cleared ({resolution})", alert.Message, null, LogLevel.Information);
    }

    // An alert about one user's account (a Trakt account limit) says whose.
    private static string Account(Alert alert) => alert.Scope is null ? string.Empty : " for user " + alert.Scope;

    private void Write(string name, string shortOverview, string? overview, LogLevel severity)
    {
        if (_unavailable)
        {
            return;
        }

        _ = WriteAsync(name, shortOverview, overview, severity);
    }

    private async Task WriteAsync(string name, string shortOverview, string? overview, LogLevel severity)
    {
        try
        {
            await CreateEntryAsync(name, shortOverview, overview, severity).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TypeLoadException or MissingMethodException or MissingMemberException)
        {
            // A Jellyfin version whose activity log API differs: keep alerts working, stop writing there.
            _unavailable = true;
            _logger.LogError(ex, "Aperture cannot write to this Jellyfin version's activity log; alerts stay on the Aperture page");
        }
#pragma warning disable CA1031 // The activity log is a side channel; failing to write it must not surface elsewhere.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogWarning(ex, "Aperture could not write an alert to the activity log");
        }
    }

    // Kept separate and not inlined so a binding failure surfaces here, inside the try above.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task CreateEntryAsync(string name, string shortOverview, string? overview, LogLevel severity) =>
        _activityManager.CreateAsync(new ActivityLog(name, EntryType, Guid.Empty)
        {
            ShortOverview = Truncate(shortOverview),
            Overview = overview is null ? null : Truncate(overview),
            LogSeverity = severity,
        });

    // Jellyfin's columns hold 512 characters.
    private static string Truncate(string text) => text.Length <= 512 ? text : text[..509] + "...";
}
