namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// Starts the "Enrich library" task on demand. Jellyfin's adapter queues it in the task manager; tests can run the
/// backfill directly.
/// </summary>
public interface IEnrichmentTaskLauncher
{
    /// <summary>Queues a run unless one is already running.</summary>
    void QueueRun();
}
