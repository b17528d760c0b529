using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MediaBrowser.Model.Tasks;

/// <summary>Declaration of Jellyfin's IScheduledTask (complete: the plugin implements it).</summary>
public interface IScheduledTask
{
    string Name { get; }

    string Key { get; }

    string Description { get; }

    string Category { get; }

    Task ExecuteAsync(IProgress<double> progress, CancellationToken cancellationToken);

    IEnumerable<TaskTriggerInfo> GetDefaultTriggers();
}
