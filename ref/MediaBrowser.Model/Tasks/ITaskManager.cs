using System;

namespace MediaBrowser.Model.Tasks;

/// <summary>Declaration of Jellyfin's ITaskManager (subset: the plugin only consumes it).</summary>
public interface ITaskManager : IDisposable
{
    void CancelIfRunningAndQueue<T>()
        where T : IScheduledTask;

    void QueueScheduledTask<T>()
        where T : IScheduledTask;

    void QueueIfNotRunning<T>()
        where T : IScheduledTask;
}
