using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>A request to create in Seerr for a user.</summary>
/// <param name="SeerrUserId">The Seerr user the request is credited to (sent as the body's <c>userId</c>).</param>
/// <param name="IsMovie">True for a movie, false for a series.</param>
/// <param name="TmdbId">The TMDb id.</param>
/// <param name="Seasons">For a series: the season numbers, or null for every season.</param>
public sealed record SeerrRequestBody(long SeerrUserId, bool IsMovie, long TmdbId, IReadOnlyList<int>? Seasons)
{
    /// <summary>Gets the chosen server, or null for Seerr's default.</summary>
    public long? ServerId { get; init; }

    /// <summary>Gets the chosen quality profile, or null for the server's default.</summary>
    public long? ProfileId { get; init; }

    /// <summary>Gets the chosen root folder, or null for the server's default.</summary>
    public string? RootFolder { get; init; }

    /// <summary>Gets a value indicating whether the request is for 4K.</summary>
    public bool Is4k { get; init; }
}
