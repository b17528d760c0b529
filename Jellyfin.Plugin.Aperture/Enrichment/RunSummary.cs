using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// What one enrichment run did.
/// </summary>
public sealed class RunSummary
{
    /// <summary>Gets or sets the run id.</summary>
    public long RunId { get; set; }

    /// <summary>Gets or sets how the run ended: completed, cancelled or failed.</summary>
    public string Status { get; set; } = "running";

    /// <summary>Gets or sets when the run started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Gets or sets when the run ended.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Gets or sets the movies and series in the library.</summary>
    public int Total { get; set; }

    /// <summary>Gets or sets the items that were due (stale, failed earlier, or new).</summary>
    public int Due { get; set; }

    /// <summary>Gets or sets the items whose Jellyfin metadata changed.</summary>
    public int Enriched { get; set; }

    /// <summary>Gets or sets the items that needed no change (fresh data, or nothing new).</summary>
    public int Unchanged { get; set; }

    /// <summary>Gets the items with a failed call, by reason ("tmdb: Outage").</summary>
    public Dictionary<string, int> FailedByReason { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the items waiting for a quota reset, by service.</summary>
    public Dictionary<string, int> DeferredByService { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the services skipped because they are not configured.</summary>
    public Collection<string> SkippedServices { get; } = new();
}
