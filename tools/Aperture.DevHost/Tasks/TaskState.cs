using System;
using MediaBrowser.Model.Tasks;

namespace Aperture.DevHost.Tasks;

/// <summary>A scheduled task as <c>GET /dev/tasks</c> shows it.</summary>
/// <param name="Key">The task key.</param>
/// <param name="Name">The name.</param>
/// <param name="Category">The category.</param>
/// <param name="Description">The description.</param>
/// <param name="Status">Idle, Running, Completed, Failed or Cancelled.</param>
/// <param name="Progress">The last reported progress (0–100).</param>
/// <param name="LastStarted">When the last run started.</param>
/// <param name="LastEnded">When the last run ended.</param>
/// <param name="Error">Why the last run failed.</param>
public sealed record TaskState(
    string Key,
    string Name,
    string Category,
    string Description,
    string Status,
    double? Progress,
    DateTimeOffset? LastStarted,
    DateTimeOffset? LastEnded,
    string? Error)
{
    /// <summary>Describes a task that has not run.</summary>
    /// <param name="task">The task.</param>
    /// <returns>Its idle state.</returns>
    public static TaskState Idle(IScheduledTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new TaskState(task.Key, task.Name, task.Category, task.Description, "Idle", null, null, null, null);
    }
}
