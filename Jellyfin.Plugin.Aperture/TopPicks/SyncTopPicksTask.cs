using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MediaBrowser.Model.Tasks;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>
/// The "Sync Top Picks" scheduled task: every chosen MDBList list becomes (or updates) its Jellyfin collection, daily
/// and on Run now. When MDBList's daily quota is spent the run skips and says so in the log and on the page.
/// </summary>
public class SyncTopPicksTask : IScheduledTask
{
    private readonly TopPicksSync _sync;

    /// <summary>
    /// Initializes a new instance of the <see cref="SyncTopPicksTask"/> class.
    /// </summary>
    /// <param name="sync">The sync.</param>
    public SyncTopPicksTask(TopPicksSync sync)
    {
        _sync = sync;
    }

    /// <inheritdoc />
    public string Name => "Sync Top Picks";

    /// <inheritdoc />
    public string Key => "ApertureSyncTopPicks";

    /// <inheritdoc />
    public string Description => "Keeps a Jellyfin collection for each chosen MDBList list, in the list's order; a failed MDBList answer never empties one.";

    /// <inheritdoc />
    public string Category => "Aperture";

    /// <inheritdoc />
    public Task ExecuteAsync(IProgress<double> progress, CancellationToken cancellationToken)
        => _sync.RunAsync(progress, cancellationToken);

    /// <inheritdoc />
    public IEnumerable<TaskTriggerInfo> GetDefaultTriggers()
    {
        yield return new TaskTriggerInfo
        {
            Type = TaskTriggerInfoType.DailyTrigger,
            TimeOfDayTicks = TimeSpan.FromHours(4).Ticks,
        };
    }
}
