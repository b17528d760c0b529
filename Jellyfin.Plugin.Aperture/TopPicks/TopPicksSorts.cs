using System;
using System.Collections.Generic;
using System.Linq;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>
/// The MDBList sort keys a Top Picks list may use. Popularity ranks are "1 = most popular", so they sort ascending;
/// every score sorts descending (the original app sorted popularity the wrong way round until v0.3.7).
/// </summary>
public static class TopPicksSorts
{
    private static readonly Dictionary<string, string> _orders = new(StringComparer.Ordinal)
    {
        ["rank"] = "asc",
        ["score"] = "desc",
        ["score_average"] = "desc",
        ["imdbrating"] = "desc",
        ["imdbvotes"] = "desc",
        ["imdbpopular"] = "asc",
        ["tmdbpopular"] = "asc",
        ["rtomatoes"] = "desc",
        ["metacritic"] = "desc",
        ["released"] = "desc",
        ["added"] = "desc",
    };

    /// <summary>Gets the keys, for the page and for validation.</summary>
    public static IReadOnlyList<string> Keys { get; } = _orders.Keys.ToArray();

    /// <summary>Gets whether a key is one MDBList sorts list items by.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it is known.</returns>
    public static bool IsKnown(string? key) => key is not null && _orders.ContainsKey(key);

    /// <summary>Gets the order that puts the best first for a key.</summary>
    /// <param name="key">A known key.</param>
    /// <returns>"asc" or "desc".</returns>
    public static string OrderOf(string key) => _orders[key];
}
