namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>The state of a service's circuit breaker, as the status page shows it.</summary>
public enum CircuitStatus
{
    /// <summary>Calls go through.</summary>
    Closed,

    /// <summary>Repeated outages: calls fail at once, without touching the network, until the break ends.</summary>
    Open,

    /// <summary>The break ended: the next call probes whether the service is back.</summary>
    HalfOpen,
}
