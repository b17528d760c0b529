using System;
using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Enrichment;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// A library movie or series as AI picks sees it: what describes it (the embedding's text and the fallback's
/// features) and the collection it belongs to (for diversity). No Jellyfin types.
/// </summary>
/// <param name="Id">The Jellyfin item id.</param>
/// <param name="Kind">Movie or series.</param>
/// <param name="Name">The title.</param>
/// <param name="Year">The production year, if known.</param>
/// <param name="Genres">Its genres.</param>
/// <param name="Overview">Its overview, if any.</param>
/// <param name="Tags">Its tags: the enrichment's keywords and themes.</param>
/// <param name="People">Its main people (directors and leading cast), for the fallback.</param>
/// <param name="Collection">The collection or franchise it belongs to (e.g. a TMDb collection id), or null.</param>
public sealed record PickTitle(
    Guid Id,
    MediaKind Kind,
    string Name,
    int? Year,
    IReadOnlyList<string> Genres,
    string? Overview,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> People,
    string? Collection);
