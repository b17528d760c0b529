using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>What Trakt did with a set of rating writes.</summary>
/// <param name="Done">Items Trakt took.</param>
/// <param name="NotFound">Items Trakt does not know (retrying cannot help).</param>
/// <param name="Failed">Items whose write failed, with why; they stay pending.</param>
public sealed record TraktWriteResult(
    IReadOnlyList<RatingChange> Done,
    IReadOnlyList<RatingChange> NotFound,
    IReadOnlyList<(RatingChange Change, string Error)> Failed);
