namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>Starts the "Sync Top Picks" task now unless it is already running.</summary>
public interface ITopPicksLauncher
{
    /// <summary>Queues a run.</summary>
    void QueueRun();
}
