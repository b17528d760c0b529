using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>What one user's rating sync did, and what the caller still has to apply to Jellyfin.</summary>
/// <param name="Error">Why the sync stopped before changing anything, or null.</param>
/// <param name="Pulled">Whether Trakt's ratings were read (false when last_activities said nothing changed).</param>
/// <param name="LocalWrites">Ratings to set in Jellyfin (Trakt's scale; <see cref="TraktRatingScale.ToJellyfin"/>), with the time to record as the local change time.</param>
/// <param name="LocalRemovals">Ratings to clear in Jellyfin.</param>
/// <param name="Pushed">Ratings Trakt took.</param>
/// <param name="Removed">Ratings removed from Trakt.</param>
/// <param name="Pending">Writes that failed and are kept for the next sync.</param>
/// <param name="NotFound">Local ratings of titles Trakt does not know; not sent again until they change.</param>
public sealed record RatingsSyncResult(
    string? Error,
    bool Pulled,
    IReadOnlyList<RatingChange> LocalWrites,
    IReadOnlyList<RatingChange> LocalRemovals,
    int Pushed,
    int Removed,
    int Pending,
    int NotFound)
{
    /// <summary>Gets a value indicating whether the sync ran to its end (some writes may still be pending).</summary>
    public bool Completed => Error is null;

    /// <summary>Builds the result of a sync that stopped before changing anything.</summary>
    /// <param name="error">Why.</param>
    /// <returns>The result.</returns>
    public static RatingsSyncResult Failed(string error) => new(error, false, [], [], 0, 0, 0, 0);
}
