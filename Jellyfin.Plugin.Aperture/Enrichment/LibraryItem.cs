using System;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// A library item as the enrichment sees it: identity and external ids only, no Jellyfin types.
/// </summary>
/// <param name="Id">The Jellyfin item id.</param>
/// <param name="Kind">Movie or series.</param>
/// <param name="Name">The title (for logs and the run report).</param>
/// <param name="Year">The production year, if known.</param>
/// <param name="TmdbId">The TMDb id, if known.</param>
/// <param name="ImdbId">The IMDb id, if known.</param>
/// <param name="TvdbId">The TVDB id, if known.</param>
/// <param name="DateCreated">When the item was added to the library (newest are enriched first).</param>
/// <param name="Viewers">How many users have watched it (most-watched are enriched first).</param>
public sealed record LibraryItem(
    Guid Id,
    MediaKind Kind,
    string Name,
    int? Year,
    string? TmdbId,
    string? ImdbId,
    string? TvdbId,
    DateTime DateCreated,
    int Viewers = 0)
{
    /// <summary>Gets a value indicating whether the item has any id an upstream service can look up.</summary>
    public bool HasAnyId => !string.IsNullOrWhiteSpace(TmdbId) || !string.IsNullOrWhiteSpace(ImdbId) || !string.IsNullOrWhiteSpace(TvdbId);
}
