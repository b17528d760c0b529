using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Tmdb;

/// <summary>
/// The TMDb calls the enrichment sources share: GETs authorised exactly as the connection test authorises them,
/// and finding a title's TMDb id from its IMDb or TVDB id when the library has none.
/// </summary>
internal sealed class TmdbClient
{
    private readonly IUpstreamPipeline _pipeline;
    private readonly StoredTargets _targets;

    /// <summary>
    /// Initializes a new instance of the <see cref="TmdbClient"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    /// <param name="targets">Resolves the saved key and base URL.</param>
    public TmdbClient(IUpstreamPipeline pipeline, StoredTargets targets)
    {
        _pipeline = pipeline;
        _targets = targets;
    }

    /// <summary>
    /// Gets the saved TMDb endpoint and key.
    /// </summary>
    /// <returns>The connection, or null when TMDb is not set up.</returns>
    public TmdbConnection? Connect() =>
        _targets.Get(IntegrationIds.Tmdb, "apiKey", out var key) is { } target ? new TmdbConnection(target, key) : null;

    /// <summary>
    /// Sends an authorised GET.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="path">Path and query relative to the base URL.</param>
    /// <param name="priority">The lane.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The classified answer.</returns>
    public Task<UpstreamResponse> GetAsync(TmdbConnection connection, string path, RequestPriority priority, CancellationToken cancellationToken)
    {
        var authorized = TmdbAuth.Authorize(path, connection.Key, out var headers);
        return _pipeline.SendAsync(SourceCall.Create(IntegrationIds.Tmdb, connection.Target, authorized, priority, headers), cancellationToken);
    }

    /// <summary>
    /// Gets the item's TMDb id: its own, else the first match of <c>find</c> by IMDb id, then by TVDB id.
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="item">The item.</param>
    /// <param name="priority">The lane.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The lookup.</returns>
    public async Task<TmdbIdLookup> ResolveIdAsync(TmdbConnection connection, LibraryItem item, RequestPriority priority, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(item.TmdbId))
        {
            return new TmdbIdLookup(item.TmdbId.Trim(), null, 0);
        }

        var requests = 0;
        foreach (var (id, source) in new[] { (item.ImdbId, "imdb_id"), (item.TvdbId, "tvdb_id") })
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                continue;
            }

            requests++;
            var path = $"find/{Uri.EscapeDataString(id.Trim())}?external_source={source}";
            var response = await GetAsync(connection, path, priority, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                return new TmdbIdLookup(null, response.Outcome == UpstreamOutcome.NotFound ? null : response, requests);
            }

            var results = JsonBody.TryParseObject(response.Body)?.GetObjects(TmdbPaths.FindResults(item.Kind)).FirstOrDefault();
            if (results?.GetText("id") is { Length: > 0 } found)
            {
                return new TmdbIdLookup(found, null, requests);
            }
        }

        return new TmdbIdLookup(null, null, requests);
    }
}
