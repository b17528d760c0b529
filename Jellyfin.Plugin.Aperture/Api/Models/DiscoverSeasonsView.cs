using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>The seasons of a series the signed-in user may choose to request.</summary>
public sealed class DiscoverSeasonsView
{
    /// <summary>Gets the season numbers (season 0, specials, only when it is the only one).</summary>
    public required IReadOnlyList<int> Seasons { get; init; }
}
