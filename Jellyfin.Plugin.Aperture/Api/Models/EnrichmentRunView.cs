using System;
using System.Text.Json;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>One enrichment run.</summary>
public sealed class EnrichmentRunView
{
    /// <summary>Gets or sets the run id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets when the run started.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Gets or sets when the run ended; null while running.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Gets or sets running, completed, cancelled or interrupted.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>Gets or sets the run summary (counts, failures by reason, deferrals by service), when recorded.</summary>
    public JsonElement? Summary { get; set; }
}
