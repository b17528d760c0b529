using System;
using Jellyfin.Plugin.Aperture.TraktWatchlist;

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
        [
            new OptionField(TraktPlaylistOptions.WatchlistPlaylist, "Watchlist playlist", "The name of each user's playlist that mirrors their Trakt watchlist. Renaming it later keeps the same playlist.", TraktPlaylistOptions.DefaultWatchlistPlaylist, MaxLength: TraktPlaylistOptions.MaxNameLength),
            new OptionField(TraktPlaylistOptions.SuggestionsPlaylist, "Suggestions playlist", "The name of each user's playlist of Trakt's recommendations that are in the library.", TraktPlaylistOptions.DefaultSuggestionsPlaylist, MaxLength: TraktPlaylistOptions.MaxNameLength),
            new OptionField(TraktPlaylistOptions.Suggestions, "Suggestions playlist on", "Whether the hourly sync also fills each user's suggestions playlist.", "on", ["on", "off"]),
        ],
        new Uri("https://api.trakt.tv"),
        // 1,000 GET per 5 minutes and 1 write per second, per Trakt's documented limits.
        new IntegrationLimits(1000, TimeSpan.FromSeconds(300), 1, 0, 2, TimeSpan.FromSeconds(15)),
        ["Rating sync", "Watchlist sync", "Suggestions"],
        new Uri("https://trakt.tv/oauth/applications"));
}
