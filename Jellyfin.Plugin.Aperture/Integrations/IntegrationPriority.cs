namespace Jellyfin.Plugin.Aperture.Integrations;

/// <summary>How strongly an admin is advised to set an integration up.</summary>
public enum IntegrationPriority
{
    /// <summary>Aperture's core features need it.</summary>
    Essential,

    /// <summary>Most features get much better with it.</summary>
    HighlyRecommended,

    /// <summary>Adds useful data.</summary>
    Recommended,

    /// <summary>Only for admins who use that service.</summary>
    Optional,
}
