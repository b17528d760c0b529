using System;

namespace Jellyfin.Plugin.Aperture.Integrations.Omdb;

/// <summary>What the settings page shows for OMDb, and its documented default budget.</summary>
internal static class OmdbDescriptor
{
    /// <summary>Gets the descriptor.</summary>
    public static IntegrationDescriptor Value { get; } = new(
        IntegrationIds.Omdb,
        "OMDb",
        3,
        IntegrationPriority.Recommended,
        "Rotten Tomatoes critic scores (movies), Metacritic scores and awards from the Open Movie Database.",
        [new CredentialField("apiKey", "API key", true, "The key OMDb emails you; open the activation link in that email before using it.")],
        [],
        new Uri("https://www.omdbapi.com/"),
        // Free keys get 1,000 requests per UTC day; OMDb has no endpoint that reports usage, so Aperture counts.
        new IntegrationLimits(10, TimeSpan.FromSeconds(1), 0, 1000, 2, TimeSpan.FromSeconds(10)),
        ["Rotten Tomatoes critic score (movies)", "Metacritic score", "Awards"],
        new Uri("https://www.omdbapi.com/apikey.aspx"));
}
