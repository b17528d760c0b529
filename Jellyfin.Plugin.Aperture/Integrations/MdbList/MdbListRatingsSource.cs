using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.MdbList;

/// <summary>
/// Rotten Tomatoes critic and audience scores and Metascore from MDBList, for movies and series alike. One
/// <c>GET {provider}/{movie|show}/{id}</c> per item (TMDb id preferred, then IMDb, then TVDB); a supporter account
/// looks up to 100 items with TMDb ids in one <c>POST tmdb/{movie|show}</c>.
/// </summary>
public sealed class MdbListRatingsSource : IBatchRatingsSource
{
    private readonly IUpstreamPipeline _pipeline;
    private readonly StoredTargets _targets;
    private readonly MdbListAccount _account;

    /// <summary>
    /// Initializes a new instance of the <see cref="MdbListRatingsSource"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    /// <param name="quota">Receives the account's daily allowance from <c>GET user</c>.</param>
    /// <param name="targets">Resolves the saved key and base URL.</param>
    /// <param name="time">The clock, for the account cache.</param>
    public MdbListRatingsSource(IUpstreamPipeline pipeline, IUpstreamQuotaReporter quota, StoredTargets targets, TimeProvider time)
    {
        _pipeline = pipeline;
        _targets = targets;
        _account = new MdbListAccount(pipeline, quota, time);
    }

    /// <inheritdoc />
    public string Service => IntegrationIds.MdbList;

    /// <inheritdoc />
    public bool Covers(MediaKind kind) => true;

    /// <inheritdoc />
    public async Task<int> GetBatchSizeAsync(CancellationToken cancellationToken) =>
        _targets.Get(IntegrationIds.MdbList, "apiKey", out var key) is { } target
            ? await _account.GetBatchSizeAsync(target, key, cancellationToken).ConfigureAwait(false)
            : 0;

    /// <inheritdoc />
    public async Task<SourceResult<RatingsData>> GetAsync(LibraryItem item, RequestPriority priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (LookupPath(item) is not { } path)
        {
            return SourceCall.NoUsableId<RatingsData>("MDBList needs a TMDb, IMDb or TVDB id; this item has none.");
        }

        if (_targets.Get(IntegrationIds.MdbList, "apiKey", out var key) is not { } target)
        {
            return SourceCall.NotConfigured<RatingsData>("MDBList");
        }

        var request = SourceCall.Create(IntegrationIds.MdbList, target, path + "?apikey=" + Uri.EscapeDataString(key), priority);
        var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return SourceResults.From<RatingsData>(response);
        }

        return MdbListItemReader.ReadOne(response.Body) is { } ratings
            ? SourceResults.Found(ratings)
            : SourceCall.Unreadable<RatingsData>("MDBList", "an item record");
    }

    /// <summary>
    /// Looks up the items that have a TMDb id in one request; items without one are left out of the answer and
    /// are looked up one by one later.
    /// </summary>
    /// <param name="items">Items of one kind, at most the batch size.</param>
    /// <param name="priority">The lane.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A result per batched item; a failed request gives every batched item that failure, never "done".</returns>
    public async Task<IReadOnlyDictionary<Guid, SourceResult<RatingsData>>> GetManyAsync(IReadOnlyList<LibraryItem> items, RequestPriority priority, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new Dictionary<Guid, SourceResult<RatingsData>>();
        var batched = items.Where(i => TmdbNumber(i) is not null).ToList();
        if (batched.Count == 0)
        {
            return results;
        }

        if (batched.Select(i => i.Kind).Distinct().Count() > 1)
        {
            throw new ArgumentException("A batch holds items of one kind.", nameof(items));
        }

        if (_targets.Get(IntegrationIds.MdbList, "apiKey", out var key) is not { } target)
        {
            return batched.ToDictionary(i => i.Id, _ => SourceCall.NotConfigured<RatingsData>("MDBList"));
        }

        var body = JsonSerializer.Serialize(new Dictionary<string, long[]> { ["ids"] = batched.Select(i => TmdbNumber(i)!.Value).ToArray() });
        var path = $"tmdb/{MediaType(batched[0].Kind)}?apikey={Uri.EscapeDataString(key)}";
        var request = SourceCall.Create(IntegrationIds.MdbList, target, path, priority, method: HttpMethod.Post, jsonBody: body);
        var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var found = response.IsSuccess ? MdbListItemReader.ReadMany(response.Body) : null;
        foreach (var item in batched)
        {
            results[item.Id] = !response.IsSuccess ? SourceResults.From<RatingsData>(response)
                : found is null ? SourceCall.Unreadable<RatingsData>("MDBList", "a list of item records")
                : found.TryGetValue(TmdbNumber(item)!.Value.ToString(CultureInfo.InvariantCulture), out var ratings) ? SourceResults.Found(ratings)
                : new SourceResult<RatingsData>(UpstreamOutcome.NotFound, null, "MDBList has no such item.");
        }

        return results;
    }

    private static string MediaType(MediaKind kind) => kind == MediaKind.Series ? "show" : "movie";

    private static long? TmdbNumber(LibraryItem item) =>
        long.TryParse(item.TmdbId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    private static string? LookupPath(LibraryItem item)
    {
        var type = MediaType(item.Kind);
        foreach (var (provider, id) in new[] { ("tmdb", item.TmdbId), ("imdb", item.ImdbId), ("tvdb", item.TvdbId) })
        {
            if (!string.IsNullOrWhiteSpace(id))
            {
                return $"{provider}/{type}/{Uri.EscapeDataString(id.Trim())}";
            }
        }

        return null;
    }
}
