using System;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Omdb;

/// <summary>
/// Reads an OMDb title record. Every OMDb value is a string and a missing one is the literal "N/A"; scores live in
/// <c>Ratings[]</c> as "87%" (Rotten Tomatoes) and "74/100" (Metacritic).
/// </summary>
internal static class OmdbRatingsReader
{
    /// <summary>
    /// Reads the record.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <returns>The scores and awards, or null when the body is not a title record.</returns>
    public static RatingsData? Read(string body)
    {
        if (JsonBody.TryParseObject(body) is not { } root || root.GetBoolean("Response") != true)
        {
            return null;
        }

        int? critic = null;
        int? metacritic = null;
        foreach (var rating in root.GetObjects("Ratings"))
        {
            var value = rating.GetText("Value");
            switch (rating.GetText("Source"))
            {
                case "Rotten Tomatoes":
                    critic = LeadingNumber(value);
                    break;
                case "Metacritic":
                    metacritic = LeadingNumber(value);
                    break;
            }
        }

        metacritic ??= LeadingNumber(root.GetText("Metascore"));
        return new RatingsData(IntegrationIds.Omdb, InRange(critic), null, InRange(metacritic), Available(root.GetText("Awards")));
    }

    private static string? Available(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Equals("N/A", StringComparison.OrdinalIgnoreCase) ? null : text.Trim();

    // "87%" → 87, "74/100" → 74, "74" → 74, "N/A" → null.
    private static int? LeadingNumber(string? text)
    {
        if (Available(text) is not { } value)
        {
            return null;
        }

        var end = 0;
        while (end < value.Length && char.IsAsciiDigit(value[end]))
        {
            end++;
        }

        return end > 0 && int.TryParse(value.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static int? InRange(int? score) => score is >= 0 and <= 100 ? score : null;
}
