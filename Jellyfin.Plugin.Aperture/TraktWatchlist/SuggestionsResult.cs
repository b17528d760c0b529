using System.Globalization;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>What one user's suggestions run did.</summary>
/// <param name="Error">Why it stopped, or null when it completed.</param>
/// <param name="InLibrary">How many suggestions are in the library (on the playlist).</param>
/// <param name="Missing">How many are not in the library (stored for Discovery).</param>
public sealed record SuggestionsResult(string? Error, int InLibrary, int Missing)
{
    /// <summary>Gets a value indicating whether the run completed.</summary>
    public bool Completed => Error is null;

    /// <summary>
    /// Gets the short summary the user page shows.
    /// </summary>
    /// <returns>The summary.</returns>
    public string Summary() => Error is not null
        ? "Stopped: " + Error + " The playlist and the stored list were kept."
        : string.Create(CultureInfo.InvariantCulture, $"{InLibrary} in the library on the playlist, {Missing} not in the library");
}
