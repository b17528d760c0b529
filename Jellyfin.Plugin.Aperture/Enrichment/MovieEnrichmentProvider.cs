using System;
using System.Threading;
using System.Threading.Tasks;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Controller.Library;
using MediaBrowser.Controller.Providers;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// Aperture's movie metadata provider. A custom provider runs on every refresh after Jellyfin's remote providers
/// have merged, with no per-library opt-in, so its values survive a "replace all metadata" refresh.
/// </summary>
public class MovieEnrichmentProvider : ICustomMetadataProvider<Movie>
{
    private readonly ScanEnricher _enricher;

    /// <summary>
    /// Initializes a new instance of the <see cref="MovieEnrichmentProvider"/> class.
    /// </summary>
    /// <param name="enricher">The shared scan-time enrichment.</param>
    public MovieEnrichmentProvider(ScanEnricher enricher)
    {
        _enricher = enricher;
    }

    /// <inheritdoc />
    public string Name => "Aperture";

    /// <inheritdoc />
    public Task<ItemUpdateType> FetchAsync(Movie item, MetadataRefreshOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _enricher.EnrichAsync(item, cancellationToken);
    }
}
