using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MediaBrowser.Model.Tasks;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// The "Refresh AI picks" scheduled task: embeddings brought up to date, then every user's picks and playlist, daily.
/// </summary>
public class RefreshAiPicksTask : IScheduledTask
{
    private readonly PicksRunner _runner;

    /// <summary>
    /// Initializes a new instance of the <see cref="RefreshAiPicksTask"/> class.
    /// </summary>
    /// <param name="runner">The runner.</param>
    public RefreshAiPicksTask(PicksRunner runner)
    {
        _runner = runner;
    }

    /// <inheritdoc />
    public string Name => "Refresh AI picks";

    /// <inheritdoc />
    public string Key => "ApertureRefreshAiPicks";

    /// <inheritdoc />
    public string Description => "Embeds new and changed titles with the AI provider, then fills each user's \"Aperture Picks\" playlist with the unwatched titles nearest their taste.";

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
            Type = TaskTriggerInfoType.DailyTrigger,
            TimeOfDayTicks = TimeSpan.FromHours(4).Ticks,
        };
    }
}
