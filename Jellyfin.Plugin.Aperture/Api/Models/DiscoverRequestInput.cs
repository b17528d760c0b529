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

    /// <summary>Gets the chosen Radarr/Sonarr server (Seerr's id), or null for the default; advanced users only.</summary>
    public long? ServerId { get; init; }

    /// <summary>Gets the chosen quality profile, or null for the default; advanced users only.</summary>
    public long? ProfileId { get; init; }

    /// <summary>Gets the chosen root folder, or null for the default; advanced users only.</summary>
    public string? RootFolder { get; init; }

    /// <summary>Gets a value indicating whether to request in 4K; users with the 4K permission only.</summary>
    public bool Is4k { get; init; }
}
