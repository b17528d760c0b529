using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>TMDb artwork through the admin's own key.</summary>
public interface ITmdbImageSource
{
    /// <summary>
    /// Lists an item's posters, backdrops and logos, preferred language first, then images without text.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="language">The preferred language (ISO 639-1).</param>
    /// <param name="priority">The request lane.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The images, or why not.</returns>
    Task<SourceResult<IReadOnlyList<ArtworkImage>>> GetImagesAsync(LibraryItem item, string language, RequestPriority priority, CancellationToken cancellationToken);
}
