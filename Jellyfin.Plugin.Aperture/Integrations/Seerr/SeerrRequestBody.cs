using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>A request to create in Seerr for a user.</summary>
/// <param name="SeerrUserId">The Seerr user the request is credited to (sent as the body's <c>userId</c>).</param>
/// <param name="IsMovie">True for a movie, false for a series.</param>
/// <param name="TmdbId">The TMDb id.</param>
/// <param name="Seasons">For a series: the season numbers, or null for every season.</param>
public sealed record SeerrRequestBody(long SeerrUserId, bool IsMovie, long TmdbId, IReadOnlyList<int>? Seasons);
