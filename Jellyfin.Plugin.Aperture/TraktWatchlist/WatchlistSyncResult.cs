using System.Collections.Generic;
using System.Globalization;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>What one user's watchlist sync did.</summary>
public sealed record WatchlistSyncResult
{
    /// <summary>Gets why the sync stopped before it finished, or null when it completed.</summary>
    public string? Error { get; init; }

    /// <summary>Gets a value indicating whether the watchlist was read from Trakt (false: nothing had changed).</summary>
    public bool Pulled { get; init; }

    /// <summary>Gets how many titles went onto the playlist.</summary>
    public int AddedToPlaylist { get; init; }

    /// <summary>Gets how many titles left the playlist.</summary>
    public int RemovedFromPlaylist { get; init; }

    /// <summary>Gets how many titles were added to the Trakt watchlist.</summary>
    public int SentToTrakt { get; init; }

    /// <summary>Gets how many titles were removed from the Trakt watchlist.</summary>
    public int RemovedFromTrakt { get; init; }

    /// <summary>Gets how many playlist changes still wait to reach Trakt.</summary>
    public int Pending { get; init; }

    /// <summary>Gets how many watchlist titles are not in the library, or null when the watchlist was not read.</summary>
    public int? Missing { get; init; }

    /// <summary>Gets why adds were held back (account limit), or null.</summary>
    public string? HeldReason { get; init; }

    /// <summary>Gets a value indicating whether the sync completed.</summary>
    public bool Completed => Error is null;

    /// <summary>
    /// Gets a failed result.
    /// </summary>
    /// <param name="error">Why.</param>
    /// <returns>The result.</returns>
    public static WatchlistSyncResult Failed(string error) => new() { Error = error };

    /// <summary>
    /// Gets the short summary the user page shows, e.g. "2 added to the playlist, 1 sent to Trakt, 3 not in the library".
    /// </summary>
    /// <returns>The summary.</returns>
    public string Summary()
    {
        if (Error is not null)
        {
            return "Stopped: " + Error;
        }

        var parts = new List<string>();
        Add(parts, AddedToPlaylist, "added to the playlist");
        Add(parts, RemovedFromPlaylist, "removed from the playlist");
        Add(parts, SentToTrakt, "sent to Trakt");
        Add(parts, RemovedFromTrakt, "removed from Trakt");
        Add(parts, Pending, "waiting to be sent to Trakt");
        if (Missing is { } missing)
        {
            Add(parts, missing, "not in the library");
        }

        var text = parts.Count == 0 ? "Nothing changed" : string.Join(", ", parts);
        return HeldReason is null ? text : text + ". " + HeldReason;
    }

    private static void Add(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add(count.ToString(CultureInfo.InvariantCulture) + " " + what);
        }
    }
}
