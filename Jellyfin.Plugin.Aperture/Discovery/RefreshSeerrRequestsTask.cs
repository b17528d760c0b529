using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MediaBrowser.Model.Tasks;

namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>The "Refresh Seerr requests" scheduled task: open Discover requests get Seerr's status, or are done once in the library.</summary>
public class RefreshSeerrRequestsTask : IScheduledTask
{
    private readonly SeerrRequestRefresh _refresh;

    /// <summary>Initializes a new instance of the <see cref="RefreshSeerrRequestsTask"/> class.</summary>
    /// <param name="refresh">The refresh.</param>
    public RefreshSeerrRequestsTask(SeerrRequestRefresh refresh)
    {
        _refresh = refresh;
    }

    /// <inheritdoc />
    public string Name => "Refresh Seerr requests";

    /// <inheritdoc />
    public string Key => "ApertureRefreshSeerrRequests";

    /// <inheritdoc />
    public string Description => "Reads Seerr's status for the titles users requested through Discover, and marks a request done once its title is in the user's library.";

    /// <inheritdoc />
    public string Category => "Aperture";

    /// <inheritdoc />
    public Task ExecuteAsync(IProgress<double> progress, CancellationToken cancellationToken)
        => _refresh.RunAsync(progress, cancellationToken);

    /// <inheritdoc />
    public IEnumerable<TaskTriggerInfo> GetDefaultTriggers()
    {
        yield return new TaskTriggerInfo
        {
            Type = TaskTriggerInfoType.IntervalTrigger,
            IntervalTicks = TimeSpan.FromHours(1).Ticks,
        };
    }
}
