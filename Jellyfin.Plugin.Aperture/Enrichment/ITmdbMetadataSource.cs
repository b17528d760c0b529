using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>TMDb details for the enrichment: one request per title (append_to_response).</summary>
public interface ITmdbMetadataSource
{
    /// <summary>
    /// Fetches keywords, collection, crew and external ids of a title.
    /// </summary>
    /// <param name="item">The item (uses its TMDb id, or finds it from the IMDb/TVDB id).</param>
    /// <param name="priority">The request lane.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The data, or why not.</returns>
    Task<SourceResult<TmdbMetadata>> GetAsync(LibraryItem item, RequestPriority priority, CancellationToken cancellationToken);
}
