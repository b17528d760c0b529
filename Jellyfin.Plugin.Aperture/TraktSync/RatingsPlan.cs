using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>What one sync has to do, as decided by <see cref="RatingsMerge"/>.</summary>
/// <param name="Pushes">Ratings to set on Trakt.</param>
/// <param name="RemoteRemovals">Ratings to remove from Trakt.</param>
/// <param name="LocalWrites">Ratings to set in Jellyfin.</param>
/// <param name="LocalRemovals">Ratings to clear in Jellyfin.</param>
/// <param name="SnapshotChanges">The snapshot entries that change once every step succeeds (null removes the entry).</param>
public sealed record RatingsPlan(
    IReadOnlyList<RatingChange> Pushes,
    IReadOnlyList<RatingChange> RemoteRemovals,
    IReadOnlyList<RatingChange> LocalWrites,
    IReadOnlyList<RatingChange> LocalRemovals,
    IReadOnlyDictionary<RatingKey, int?> SnapshotChanges)
{
    /// <summary>Gets a value indicating whether the plan changes nothing on either side.</summary>
    public bool IsEmpty => Pushes.Count == 0 && RemoteRemovals.Count == 0 && LocalWrites.Count == 0 && LocalRemovals.Count == 0;
}
