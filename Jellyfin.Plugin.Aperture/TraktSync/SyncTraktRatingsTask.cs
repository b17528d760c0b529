using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MediaBrowser.Model.Tasks;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// The "Sync Trakt ratings" scheduled task: two-way rating sync for every linked user, every 6 hours and shortly
/// after a local rating change (<see cref="RatingsSyncDebouncer"/>).
/// </summary>
public class SyncTraktRatingsTask : IScheduledTask
{
    private readonly RatingsSyncRunner _runner;

    /// <summary>
    /// Initializes a new instance of the <see cref="SyncTraktRatingsTask"/> class.
    /// </summary>
    /// <param name="runner">The runner.</param>
    public SyncTraktRatingsTask(RatingsSyncRunner runner)
    {
        _runner = runner;
    }

    /// <inheritdoc />
    public string Name => "Sync Trakt ratings";

    /// <inheritdoc />
    public string Key => "ApertureSyncTraktRatings";

    /// <inheritdoc />
    public string Description => "Keeps each linked user's movie and series ratings the same in Jellyfin and on Trakt, both ways.";

    /// <inheritdoc />
    public string Category => "Aperture";

    /// <inheritdoc />
    public Task ExecuteAsync(IProgress<double> progress, CancellationToken cancellationToken)
        => _runner.RunAllAsync(progress, cancellationToken);

    /// <inheritdoc />
    public IEnumerable<TaskTriggerInfo> GetDefaultTriggers()
    {
        yield return new TaskTriggerInfo
        {
            Type = TaskTriggerInfoType.IntervalTrigger,
            IntervalTicks = TimeSpan.FromHours(6).Ticks,
        };
    }
}
