using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// Everything Aperture holds for one item, merged across services, ready to be written to Jellyfin.
/// </summary>
/// <param name="Keywords">TMDb keyword names.</param>
/// <param name="CollectionId">TMDb collection id, if any.</param>
/// <param name="CollectionName">TMDb collection name, if any.</param>
/// <param name="Crew">Crew credits from TMDb.</param>
/// <param name="CriticRating">Rotten Tomatoes critic score, 0–100, from the first source in the configured order that has one.</param>
/// <param name="CriticSource">The source of <paramref name="CriticRating"/>.</param>
/// <param name="AudienceRating">Rotten Tomatoes audience score, 0–100.</param>
/// <param name="Metacritic">Metascore, 0–100.</param>
/// <param name="Awards">Awards text.</param>
public sealed record EnrichedItem(
    IReadOnlyList<string> Keywords,
    string? CollectionId,
    string? CollectionName,
    IReadOnlyList<CrewCredit> Crew,
    int? CriticRating,
    string? CriticSource,
    int? AudienceRating,
    int? Metacritic,
    string? Awards)
{
    /// <summary>Gets an item with no data.</summary>
    public static EnrichedItem Empty { get; } = new(new List<string>(), null, null, new List<CrewCredit>(), null, null, null, null, null);
}
