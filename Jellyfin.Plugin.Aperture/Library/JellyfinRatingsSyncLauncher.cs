using Jellyfin.Plugin.Aperture.TraktSync;
using MediaBrowser.Model.Tasks;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// Queues the "Sync Trakt ratings" task in Jellyfin's task manager, so a run started by a rating change shows in the
/// dashboard like a scheduled one and never runs twice at once.
/// </summary>
public sealed class JellyfinRatingsSyncLauncher : IRatingsSyncLauncher
{
    private readonly ITaskManager _taskManager;

    /// <summary>
    /// Initializes a new instance of the <see cref="JellyfinRatingsSyncLauncher"/> class.
    /// </summary>
    /// <param name="taskManager">Jellyfin's task manager.</param>
    public JellyfinRatingsSyncLauncher(ITaskManager taskManager)
    {
        _taskManager = taskManager;
    }

    /// <inheritdoc />
    public void QueueRun() => _taskManager.QueueIfNotRunning<SyncTraktRatingsTask>();
}
