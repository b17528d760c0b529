using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>A ratings source that can look up many items in one request (MDBList with a supporter key).</summary>
public interface IBatchRatingsSource : IRatingsSource
{
    /// <summary>
    /// Tells how many items one batch request may hold for this account now (0 when batches are not allowed).
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The batch size.</returns>
    Task<int> GetBatchSizeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Fetches the scores of several items of one kind in one request.
    /// </summary>
    /// <param name="items">The items (at most the batch size).</param>
    /// <param name="priority">The request lane.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A result per item id.</returns>
    Task<IReadOnlyDictionary<System.Guid, SourceResult<RatingsData>>> GetManyAsync(IReadOnlyList<LibraryItem> items, RequestPriority priority, CancellationToken cancellationToken);
}
