using System;

namespace Jellyfin.Plugin.Aperture.Integrations.Trakt;

/// <summary>What the settings page shows for Trakt, and its documented default budget.</summary>
internal static class TraktDescriptor
{
    /// <summary>Gets the descriptor.</summary>
    public static IntegrationDescriptor Value { get; } = new(
        IntegrationIds.Trakt,
        "Trakt",
        4,
        IntegrationPriority.Recommended,
        "Two-way rating and watchlist sync and personal suggestions from Trakt.",
        [
            new CredentialField("clientId", "Client ID", true, "Create an API app at trakt.tv/oauth/applications and copy its Client ID."),
            new CredentialField("clientSecret", "Client secret", true, "The Client Secret of the same Trakt app."),
        ],
        [],
        new Uri("https://api.trakt.tv"),
        // 1,000 GET per 5 minutes and 1 write per second, per Trakt's documented limits.
        new IntegrationLimits(1000, TimeSpan.FromSeconds(300), 1, 0, 2, TimeSpan.FromSeconds(15)),
        ["Rating sync", "Watchlist sync", "Suggestions"],
        new Uri("https://trakt.tv/oauth/applications"));
}
