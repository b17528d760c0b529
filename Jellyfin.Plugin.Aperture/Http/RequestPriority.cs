namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>Which lane a request waits in for its permit.</summary>
public enum RequestPriority
{
    /// <summary>Someone is waiting for the answer (a connection test, a user's request): served first.</summary>
    Interactive,

    /// <summary>Scheduled or bulk work: served when no interactive request waits.</summary>
    Background,
}
