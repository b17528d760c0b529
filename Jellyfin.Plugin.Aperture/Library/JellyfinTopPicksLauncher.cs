using Jellyfin.Plugin.Aperture.TopPicks;
using MediaBrowser.Model.Tasks;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>Queues the "Sync Top Picks" task in Jellyfin's task manager (the page's Run now).</summary>
public sealed class JellyfinTopPicksLauncher : ITopPicksLauncher
{
    private readonly ITaskManager _taskManager;

    /// <summary>
    /// Initializes a new instance of the <see cref="JellyfinTopPicksLauncher"/> class.
    /// </summary>
    /// <param name="taskManager">Jellyfin's task manager.</param>
    public JellyfinTopPicksLauncher(ITaskManager taskManager)
    {
        _taskManager = taskManager;
    }

    /// <inheritdoc />
    public void QueueRun() => _taskManager.QueueIfNotRunning<SyncTopPicksTask>();
}
