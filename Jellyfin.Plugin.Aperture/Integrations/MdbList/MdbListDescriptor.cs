using System;

namespace Jellyfin.Plugin.Aperture.Integrations.MdbList;

/// <summary>What the settings page shows for MDBList, and its documented default budget.</summary>
internal static class MdbListDescriptor
{
    /// <summary>Gets the descriptor.</summary>
    public static IntegrationDescriptor Value { get; } = new(
        IntegrationIds.MdbList,
        "MDBList",
        5,
        IntegrationPriority.Optional,
        "Curated Top Picks lists, Rotten Tomatoes and Metacritic scores for TV too, and popularity from MDBList.",
        [new CredentialField("apiKey", "API key", true, "Copy the API key from mdblist.com → Preferences → API key.")],
        [],
        new Uri("https://api.mdblist.com"),
        // 1,000 reads per rolling 5 minutes (about one every 320 ms); the daily quota is the free tier's, and the
        // real one is read from GET user and the X-RateLimit headers.
        new IntegrationLimits(1000, TimeSpan.FromSeconds(300), 0, 1000, 2, TimeSpan.FromSeconds(15)),
        ["Top Picks lists", "Rotten Tomatoes and Metacritic for TV", "Popularity"],
        new Uri("https://mdblist.com/preferences/"));
}
