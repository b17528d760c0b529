using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>A ratings source for one item at a time (OMDb; MDBList without batch access).</summary>
public interface IRatingsSource
{
    /// <summary>Gets the integration id ("mdblist", "omdb").</summary>
    string Service { get; }

    /// <summary>
    /// Tells whether the source can rate this kind of item at all (OMDb has no critic scores for most series).
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <returns>True when worth asking.</returns>
    bool Covers(MediaKind kind);

    /// <summary>
    /// Fetches the scores of one item.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="priority">The request lane.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The scores, or why not.</returns>
    Task<SourceResult<RatingsData>> GetAsync(LibraryItem item, RequestPriority priority, CancellationToken cancellationToken);
}
