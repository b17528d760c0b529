using System;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>An item whose last call to a service failed or was deferred.</summary>
public sealed class EnrichmentProblemView
{
    /// <summary>Gets or sets the Jellyfin item id.</summary>
    public Guid ItemId { get; set; }

    /// <summary>Gets or sets the item's name, or null when it is no longer in the library.</summary>
    public string? ItemName { get; set; }

    /// <summary>Gets or sets the integration id.</summary>
    public string Service { get; set; } = string.Empty;

    /// <summary>Gets or sets Failed or Deferred.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>Gets or sets what happened (no secrets).</summary>
    public string? Message { get; set; }

    /// <summary>Gets or sets when the item is tried again.</summary>
    public DateTimeOffset NextDueAt { get; set; }
}
