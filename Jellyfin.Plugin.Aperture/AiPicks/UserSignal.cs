using System;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// What one user did with one title, from Jellyfin's user data (Trakt ratings arrive there through the rating sync).
/// </summary>
/// <param name="ItemId">The movie or series.</param>
/// <param name="Played">Whether it is marked played (a series: every episode, or the series itself).</param>
/// <param name="Progress">How far the last unfinished play got, 0–1, or null when never started.</param>
/// <param name="IsFavorite">Whether it is a favourite.</param>
/// <param name="Likes">Liked (true), disliked (false), or neither.</param>
/// <param name="Rating">The user's rating, 0–10, or null.</param>
/// <param name="LastPlayed">When it was last played, or null.</param>
public sealed record UserSignal(Guid ItemId, bool Played, double? Progress, bool IsFavorite, bool? Likes, double? Rating, DateTimeOffset? LastPlayed)
{
    /// <summary>Gets a value indicating whether the user has seen the title, or started it: never picked again.</summary>
    public bool Seen => Played || Progress > 0;
}
