using System;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Tmdb;

/// <summary>
/// TMDb details for the enrichment in one request per title (<c>append_to_response=keywords,credits,external_ids</c>);
/// a title without a TMDb id costs one <c>find</c> more.
/// </summary>
public sealed class TmdbMetadataSource : ITmdbMetadataSource
{
    private const string Append = "append_to_response=keywords,credits,external_ids";
    private readonly TmdbClient _client;

    /// <summary>
    /// Initializes a new instance of the <see cref="TmdbMetadataSource"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    /// <param name="targets">Resolves the saved key and base URL.</param>
    public TmdbMetadataSource(IUpstreamPipeline pipeline, StoredTargets targets)
    {
        _client = new TmdbClient(pipeline, targets);
    }

    /// <inheritdoc />
    public async Task<SourceResult<TmdbMetadata>> GetAsync(LibraryItem item, RequestPriority priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_client.Connect() is not { } connection)
        {
            return SourceCall.NotConfigured<TmdbMetadata>("TMDb");
        }

        var lookup = await _client.ResolveIdAsync(connection, item, priority, cancellationToken).ConfigureAwait(false);
        if (lookup.Failure is { } failed)
        {
            return SourceResults.From<TmdbMetadata>(failed);
        }

        if (lookup.TmdbId is not { } id)
        {
            return SourceCall.NoUsableId<TmdbMetadata>("TMDb has no title with this IMDb or TVDB id.");
        }

        var path = $"{TmdbPaths.Details(item.Kind)}/{Uri.EscapeDataString(id)}?{Append}";
        var response = await _client.GetAsync(connection, path, priority, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return SourceResults.From<TmdbMetadata>(response);
        }

        return TmdbDetailsReader.Read(response.Body, id) is { } metadata
            ? SourceResults.Found(metadata)
            : SourceCall.Unreadable<TmdbMetadata>("TMDb", "title details");
    }
}
