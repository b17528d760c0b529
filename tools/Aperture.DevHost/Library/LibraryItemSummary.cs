using System;
using System.Collections.Generic;

namespace Aperture.DevHost.Library;

/// <summary>What <c>GET /dev/library</c> shows of one item.</summary>
/// <param name="Id">The Jellyfin item id.</param>
/// <param name="Type">Movie or Series.</param>
/// <param name="Name">The title.</param>
/// <param name="Year">The production year.</param>
/// <param name="ProviderIds">Tmdb, Imdb, Tvdb ids.</param>
/// <param name="Collection">The TMDb collection name, for movies (its id is the TmdbCollection provider id).</param>
/// <param name="CriticRating">The critic rating (Rotten Tomatoes), once enriched.</param>
/// <param name="CommunityRating">The community rating, once enriched.</param>
/// <param name="Tags">The tags.</param>
/// <param name="Genres">The genres.</param>
/// <param name="People">How many people (cast and crew) the item has; enrichment adds extra crew.</param>
/// <param name="LastSaved">When the item was last saved (an enrichment write saves it), or null.</param>
public sealed record LibraryItemSummary(
    Guid Id,
    string Type,
    string Name,
    int? Year,
    IReadOnlyDictionary<string, string> ProviderIds,
    string? Collection,
    float? CriticRating,
    float? CommunityRating,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Genres,
    int People,
    DateTime? LastSaved);
