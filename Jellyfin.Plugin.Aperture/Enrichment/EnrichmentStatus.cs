namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>Where one item stands with one service.</summary>
public enum EnrichmentStatus
{
    /// <summary>Data was fetched and is stored.</summary>
    Fetched,

    /// <summary>The service does not know the item (asked again after the not-found TTL).</summary>
    NotFound,

    /// <summary>The call failed (auth, outage, bad answer); retried later with backoff. Never counted as done.</summary>
    Failed,

    /// <summary>The service's quota is spent or a scan could not wait; picked up after the reset by the backfill.</summary>
    Deferred,
}
