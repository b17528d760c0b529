using System;
using System.Collections.Generic;
using System.Text.Json;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.MdbList;

/// <summary>
/// Reads MDBList item records: <c>ratings[]</c> entries <c>{source, value, score}</c>, where <c>tomatoes</c> is the
/// Rotten Tomatoes critic score, <c>tomatoesaudience</c> the audience score and <c>metacritic</c> the Metascore.
/// </summary>
internal static class MdbListItemReader
{
    /// <summary>
    /// Reads a single item answer.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <returns>The scores, or null when the body is not an item record.</returns>
    public static RatingsData? ReadOne(string body) =>
        JsonBody.TryParseObject(body) is { } item && IsItem(item) ? Read(item) : null;

    /// <summary>
    /// Reads a batch answer (an array of item records) keyed by TMDb id.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <returns>Scores by TMDb id, or null when the body is not an array.</returns>
    public static Dictionary<string, RatingsData>? ReadMany(string body)
    {
        using var document = JsonBody.TryParse(body);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Array } items)
        {
            return null;
        }

        var byTmdbId = new Dictionary<string, RatingsData>(StringComparer.Ordinal);
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && (item.GetObject("ids")?.GetText("tmdb") ?? item.GetText("tmdbid")) is { Length: > 0 } id)
            {
                byTmdbId[id] = Read(item);
            }
        }

        return byTmdbId;
    }

    private static bool IsItem(JsonElement item) =>
        item.TryGetProperty("ratings", out _) || item.GetObject("ids") is not null || item.GetText("title") is not null;

    private static RatingsData Read(JsonElement item)
    {
        int? critic = null;
        int? audience = null;
        int? metacritic = null;
        foreach (var rating in item.GetObjects("ratings"))
        {
            switch (rating.GetText("source"))
            {
                case "tomatoes":
                    critic = Score(rating);
                    break;
                case "tomatoesaudience":
                    audience = Score(rating);
                    break;
                case "metacritic":
                    metacritic = Score(rating);
                    break;
            }
        }

        return new RatingsData(IntegrationIds.MdbList, critic, audience, metacritic, null);
    }

    // "score" is MDBList's 0–100 normalisation; for these three sources it equals "value", which is the fallback.
    private static int? Score(JsonElement rating)
    {
        var number = rating.GetDouble("score") ?? rating.GetDouble("value");
        return number is >= 0 and <= 100 ? (int)Math.Round(number.Value, MidpointRounding.AwayFromZero) : null;
    }
}
