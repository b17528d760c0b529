using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// What one TMDb details call (with append_to_response) gives the enrichment.
/// </summary>
/// <param name="TmdbId">The TMDb id.</param>
/// <param name="ImdbId">The IMDb id from external_ids, if any.</param>
/// <param name="Keywords">Keyword names (movie keywords.keywords[], TV keywords.results[]).</param>
/// <param name="CollectionId">The TMDb collection id (movies), if any.</param>
/// <param name="CollectionName">The TMDb collection name, if any.</param>
/// <param name="Crew">Crew credits with their TMDb job.</param>
public sealed record TmdbMetadata(
    string TmdbId,
    string? ImdbId,
    IReadOnlyList<string> Keywords,
    string? CollectionId,
    string? CollectionName,
    IReadOnlyList<CrewCredit> Crew);
