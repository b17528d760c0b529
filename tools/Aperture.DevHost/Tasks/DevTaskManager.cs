using System;
using MediaBrowser.Model.Tasks;
using Microsoft.Extensions.Logging;

namespace Aperture.DevHost.Tasks;

/// <summary>
/// Stand-in for Jellyfin's task manager: queuing a task starts it on the <see cref="DevTaskRunner"/>, which never
/// runs the same task twice at once. The plugin's own launcher (JellyfinEnrichmentTaskLauncher) calls it, so
/// "Run now" on the settings page takes the same road here as in Jellyfin.
/// </summary>
public sealed class DevTaskManager : ITaskManager
{
    private readonly DevTaskRunner _runner;
    private readonly ILogger<DevTaskManager> _logger;

    public DevTaskManager(DevTaskRunner runner, ILogger<DevTaskManager> logger)
    {
        _runner = runner;
        _logger = logger;
    }

    /// <inheritdoc />
    public void CancelIfRunningAndQueue<T>()
        where T : IScheduledTask => Queue(typeof(T));

    /// <inheritdoc />
    public void QueueScheduledTask<T>()
        where T : IScheduledTask => Queue(typeof(T));

    /// <inheritdoc />
    public void QueueIfNotRunning<T>()
        where T : IScheduledTask => Queue(typeof(T));

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void Queue(Type type)
    {
        if (_runner.Start(type) is null)
        {
            _logger.LogWarning("No scheduled task of type {Type} in the plugin", type.Name);
        }
    }
}
