using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>The Top Picks settings and state.</summary>
public sealed class TopPicksView
{
    /// <summary>Gets the collection name pattern (<c>{list}</c> = the list's name).</summary>
    public required string NamePattern { get; init; }

    /// <summary>Gets the chosen lists.</summary>
    public required IReadOnlyList<TopPicksListView> Lists { get; init; }

    /// <summary>Gets the sort keys a list may use.</summary>
    public required IReadOnlyList<string> Sorts { get; init; }
}
