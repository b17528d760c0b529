namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>What happened with one service for one item in one pass.</summary>
public enum StepKind
{
    /// <summary>Fresh data was fetched.</summary>
    Fetched,

    /// <summary>Stored data is still fresh; no request was made.</summary>
    Cached,

    /// <summary>The service does not know the item.</summary>
    NotFound,

    /// <summary>The call failed; retried later.</summary>
    Failed,

    /// <summary>Quota spent (or a scan could not wait): waits for the backfill after the reset.</summary>
    Deferred,

    /// <summary>Not asked: the service is not configured, the field is off, or the item has no usable id.</summary>
    Skipped,
}
