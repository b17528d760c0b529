namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>
/// Hears about alerts as they open and close (Jellyfin's activity log listens here).
/// </summary>
public interface IAlertNotifier
{
    /// <summary>
    /// Called when a new alert opens (not for repeats of an open alert).
    /// </summary>
    /// <param name="alert">The alert.</param>
    void Opened(Alert alert);

    /// <summary>
    /// Called when an alert closes.
    /// </summary>
    /// <param name="alert">The alert as it was while open.</param>
    /// <param name="resolution">Why it closed.</param>
    void Resolved(Alert alert, string resolution);
}
