namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>What the dashboard shows for an integration.</summary>
public enum IntegrationStatus
{
    /// <summary>No key (or no URL) is set; the service is off.</summary>
    NotConfigured,

    /// <summary>A connection test is running.</summary>
    Testing,

    /// <summary>The last call or test succeeded and nothing needs attention.</summary>
    Connected,

    /// <summary>It works but is degraded: rate limited, quota low or spent, outage, partly set up, not tested yet.</summary>
    Warning,

    /// <summary>The key is refused (or cannot be decrypted): nothing works until the admin acts.</summary>
    Error,
}
