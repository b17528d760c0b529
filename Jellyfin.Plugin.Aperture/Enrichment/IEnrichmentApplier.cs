using System.Threading;
using System.Threading.Tasks;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// Writes merged enrichment data to the media server's item (Jellyfin's adapter lives in <c>Library/</c>).
/// </summary>
public interface IEnrichmentApplier
{
    /// <summary>
    /// Writes the data to the item, respecting locks and keeping what the admin set.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="data">The merged data.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>True when the item changed and was saved.</returns>
    Task<bool> ApplyAsync(LibraryItem item, EnrichedItem data, CancellationToken cancellationToken);
}
