namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>How urgent an alert is.</summary>
public enum AlertSeverity
{
    /// <summary>Nothing works until the admin acts.</summary>
    Error,

    /// <summary>Degraded; may need the admin.</summary>
    Warning,

    /// <summary>For information; Aperture handles it.</summary>
    Info,
}
