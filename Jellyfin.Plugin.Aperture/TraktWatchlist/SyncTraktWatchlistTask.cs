using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MediaBrowser.Model.Tasks;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>
/// The "Sync Trakt watchlist" scheduled task: every linked user's Trakt watchlist ↔ their playlist, then their
/// Trakt suggestions, hourly.
/// </summary>
public class SyncTraktWatchlistTask : IScheduledTask
{
    private readonly WatchlistSyncRunner _runner;

    /// <summary>
    /// Initializes a new instance of the <see cref="SyncTraktWatchlistTask"/> class.
    /// </summary>
    /// <param name="runner">The runner.</param>
    public SyncTraktWatchlistTask(WatchlistSyncRunner runner)
    {
        _runner = runner;
    }

    /// <inheritdoc />
    public string Name => "Sync Trakt watchlist";

    /// <inheritdoc />
    public string Key => "ApertureSyncTraktWatchlist";

    /// <inheritdoc />
    public string Description => "Keeps each linked user's Trakt watchlist and their watchlist playlist the same, both ways, and fills their suggestions playlist from Trakt.";

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
            IntervalTicks = TimeSpan.FromHours(1).Ticks,
        };
    }
}
