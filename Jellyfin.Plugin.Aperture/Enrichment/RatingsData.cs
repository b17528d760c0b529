namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// Scores and awards from one ratings source (MDBList or OMDb). Scores are 0–100; null means the source has none.
/// </summary>
/// <param name="Source">"mdblist" or "omdb".</param>
/// <param name="RottenTomatoesCritic">Rotten Tomatoes critic score (Tomatometer).</param>
/// <param name="RottenTomatoesAudience">Rotten Tomatoes audience score.</param>
/// <param name="Metacritic">Metascore.</param>
/// <param name="Awards">Awards text, e.g. "Won 4 Oscars. 42 wins &amp; 51 nominations total".</param>
public sealed record RatingsData(string Source, int? RottenTomatoesCritic, int? RottenTomatoesAudience, int? Metacritic, string? Awards)
{
    /// <summary>Gets a value indicating whether the source returned any score or award.</summary>
    public bool HasAny => RottenTomatoesCritic is not null || RottenTomatoesAudience is not null || Metacritic is not null || !string.IsNullOrWhiteSpace(Awards);
}
