using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Tmdb;

/// <summary>
/// Reads a TMDb details answer (with keywords, credits and external ids appended) into <see cref="TmdbMetadata"/>.
/// </summary>
internal static class TmdbDetailsReader
{
    // The crew Jellyfin's own TMDb provider leaves out and admins ask for. "Music" is how older titles credit
    // their composer.
    private static readonly HashSet<string> _jobs = new(StringComparer.OrdinalIgnoreCase)
    {
        "Director of Photography",
        "Original Music Composer",
        "Music",
        "Editor",
    };

    /// <summary>
    /// Reads the answer.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <param name="tmdbId">The id that was asked for (used when the body lacks one).</param>
    /// <returns>The metadata, or null when the body is not a TMDb title.</returns>
    public static TmdbMetadata? Read(string body, string tmdbId)
    {
        if (JsonBody.TryParseObject(body) is not { } root || (root.GetText("title") ?? root.GetText("name")) is null)
        {
            return null;
        }

        var collection = root.GetObject("belongs_to_collection");
        return new TmdbMetadata(
            root.GetText("id") ?? tmdbId,
            Imdb(root),
            Keywords(root),
            collection?.GetText("id"),
            collection?.GetText("name"),
            Crew(root));
    }

    private static string? Imdb(JsonElement root)
    {
        var imdb = root.GetObject("external_ids")?.GetText("imdb_id") ?? root.GetText("imdb_id");
        return string.IsNullOrWhiteSpace(imdb) ? null : imdb;
    }

    // Movies list keywords under keywords.keywords[], series under keywords.results[]; read both so neither
    // kind comes back empty if TMDb ever aligns them.
    private static List<string> Keywords(JsonElement root)
    {
        var keywords = root.GetObject("keywords");
        if (keywords is not { } k)
        {
            return new List<string>();
        }

        return k.GetObjects("keywords").Concat(k.GetObjects("results"))
            .Select(e => e.GetText("name"))
            .OfType<string>()
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static List<CrewCredit> Crew(JsonElement root)
    {
        if (root.GetObject("credits") is not { } credits)
        {
            return new List<CrewCredit>();
        }

        return credits.GetObjects("crew")
            .Select(c => (Name: c.GetText("name"), Job: c.GetText("job"), Id: c.GetText("id")))
            .Where(c => !string.IsNullOrWhiteSpace(c.Name) && c.Job is not null && _jobs.Contains(c.Job))
            .DistinctBy(c => (c.Name!.ToUpperInvariant(), c.Job!.ToUpperInvariant()))
            .Select(c => new CrewCredit(c.Name!, c.Job!, c.Id))
            .ToList();
    }
}
