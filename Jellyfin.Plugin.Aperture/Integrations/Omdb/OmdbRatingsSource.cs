using System;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Omdb;

/// <summary>
/// Rotten Tomatoes critic score, Metascore and awards from OMDb, one request per movie by IMDb id.
/// Series are not covered: OMDb has no Rotten Tomatoes or Metacritic data for most of them, and a free key has
/// only 1,000 requests a day, so asking would spend the quota for nothing (MDBList rates series instead).
/// </summary>
public sealed class OmdbRatingsSource : IRatingsSource
{
    private readonly IUpstreamPipeline _pipeline;
    private readonly StoredTargets _targets;

    /// <summary>
    /// Initializes a new instance of the <see cref="OmdbRatingsSource"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    /// <param name="targets">Resolves the saved key and base URL.</param>
    public OmdbRatingsSource(IUpstreamPipeline pipeline, StoredTargets targets)
    {
        _pipeline = pipeline;
        _targets = targets;
    }

    /// <inheritdoc />
    public string Service => IntegrationIds.Omdb;

    /// <inheritdoc />
    public bool Covers(MediaKind kind) => kind == MediaKind.Movie;

    /// <inheritdoc />
    public async Task<SourceResult<RatingsData>> GetAsync(LibraryItem item, RequestPriority priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (string.IsNullOrWhiteSpace(item.ImdbId))
        {
            // OMDb looks titles up reliably only by IMDb id; a title search could match the wrong film.
            return SourceCall.NoUsableId<RatingsData>("OMDb needs an IMDb id; this item has none.");
        }

        if (_targets.Get(IntegrationIds.Omdb, "apiKey", out var key) is not { } target)
        {
            return SourceCall.NotConfigured<RatingsData>("OMDb");
        }

        var path = $"?i={Uri.EscapeDataString(item.ImdbId.Trim())}&apikey={Uri.EscapeDataString(key)}";
        var response = await _pipeline.SendAsync(SourceCall.Create(IntegrationIds.Omdb, target, path, priority), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return SourceResults.From<RatingsData>(response);
        }

        return OmdbRatingsReader.Read(response.Body) is { } ratings
            ? SourceResults.Found(ratings)
            : SourceCall.Unreadable<RatingsData>("OMDb", "a title record");
    }
}
