namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>Starts the "Sync Trakt ratings" task now unless it is already running.</summary>
public interface IRatingsSyncLauncher
{
    /// <summary>Queues a run.</summary>
    void QueueRun();
}
