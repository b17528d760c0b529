using System;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Integrations.Tmdb;

/// <summary>What the settings page shows for TMDb, and its documented default budget.</summary>
internal static class TmdbDescriptor
{
    /// <summary>Gets the descriptor.</summary>
    public static IntegrationDescriptor Value { get; } = new(
        IntegrationIds.Tmdb,
        "TMDb",
        2,
        IntegrationPriority.HighlyRecommended,
        "Keywords and themes, collections, extra crew and backdrops from The Movie Database.",
        [new CredentialField("apiKey", "API key", true, "The v3 API key or the API Read Access Token from themoviedb.org → Settings → API; either works.")],
        [],
        new Uri("https://api.themoviedb.org/3"),
        // TMDb's documented ceiling is about 40 per second; 40 per 10 s is a conservative default.
        new IntegrationLimits(40, TimeSpan.FromSeconds(10), 0, 0, 4, TimeSpan.FromSeconds(10)),
        ["Keywords and themes", "Collections", "Extra crew", "Backdrops"],
        new Uri("https://www.themoviedb.org/settings/api"));
}
