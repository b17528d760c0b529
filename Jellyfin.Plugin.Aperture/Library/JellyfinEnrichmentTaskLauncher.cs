using Jellyfin.Plugin.Aperture.Enrichment;
using MediaBrowser.Model.Tasks;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// Queues the "Enrich library" task in Jellyfin's task manager, so an on-demand run shows its progress in the
/// dashboard like a scheduled one and never runs twice at once.
/// </summary>
public sealed class JellyfinEnrichmentTaskLauncher : IEnrichmentTaskLauncher
{
    private readonly ITaskManager _taskManager;

    /// <summary>
    /// Initializes a new instance of the <see cref="JellyfinEnrichmentTaskLauncher"/> class.
    /// </summary>
    /// <param name="taskManager">Jellyfin's task manager.</param>
    public JellyfinEnrichmentTaskLauncher(ITaskManager taskManager)
    {
        _taskManager = taskManager;
    }

    /// <inheritdoc />
    public void QueueRun() => _taskManager.QueueIfNotRunning<EnrichLibraryTask>();
}
