using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>What the user asks for. There is no user field: the request is always the signed-in user's.</summary>
public sealed class DiscoverRequestInput
{
    /// <summary>Gets "movie" or "show".</summary>
    public string? Kind { get; init; }

    /// <summary>Gets the TMDb id.</summary>
    public long TmdbId { get; init; }

    /// <summary>Gets the seasons of a series to request, or null for all.</summary>
    public IReadOnlyList<int>? Seasons { get; init; }
}
