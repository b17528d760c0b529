using System;
using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>
/// The Trakt settings of the watchlist and suggestions playlists: option fields of the Trakt card on the settings
/// page, read from Trakt's saved target.
/// </summary>
public static class TraktPlaylistOptions
{
    /// <summary>The option naming each user's watchlist playlist.</summary>
    public const string WatchlistPlaylist = "watchlistPlaylist";

    /// <summary>The option naming each user's suggestions playlist.</summary>
    public const string SuggestionsPlaylist = "suggestionsPlaylist";

    /// <summary>The option that turns suggestions on or off.</summary>
    public const string Suggestions = "suggestions";

    /// <summary>The default watchlist playlist name.</summary>
    public const string DefaultWatchlistPlaylist = "Trakt Watchlist";

    /// <summary>The default suggestions playlist name.</summary>
    public const string DefaultSuggestionsPlaylist = "Trakt Suggestions";

    /// <summary>The longest playlist name taken as is.</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// Gets a playlist name from the options, or the default when it is blank or too long.
    /// </summary>
    /// <param name="options">The saved options.</param>
    /// <param name="name">The option name.</param>
    /// <param name="fallback">The default.</param>
    /// <returns>The name.</returns>
    public static string Name(IReadOnlyDictionary<string, string> options, string name, string fallback)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= MaxNameLength ? value.Trim() : fallback;
    }

    /// <summary>
    /// Gets whether suggestions are on: anything but "off" (or "no", "false", "0") keeps them on.
    /// </summary>
    /// <param name="options">The saved options.</param>
    /// <returns>True when on.</returns>
    public static bool SuggestionsOn(IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !(options.TryGetValue(Suggestions, out var value) && value.Trim().ToLowerInvariant() is "off" or "no" or "false" or "0");
    }
}
