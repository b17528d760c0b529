using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>The Top Picks settings to save: every chosen list and the name pattern.</summary>
public sealed class TopPicksSettingsRequest
{
    /// <summary>Gets or sets the collection name pattern; null keeps the current one.</summary>
    public string? NamePattern { get; set; }

    /// <summary>Gets the chosen lists (all of them: a list left out is no longer synced).</summary>
    public IList<TopPicksListRequest> Lists { get; init; } = new List<TopPicksListRequest>();
}
