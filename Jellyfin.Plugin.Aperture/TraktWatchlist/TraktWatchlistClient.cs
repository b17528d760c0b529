using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Integrations.Common;
using Jellyfin.Plugin.Aperture.TraktSync;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>
/// One user's Trakt watchlist, account limits and recommendations: <c>/sync/last_activities</c> (the
/// <c>watchlisted_at</c> stamps), <c>/sync/watchlist/{movies|shows}</c>, writes to <c>/sync/watchlist</c> and
/// <c>/sync/watchlist/remove</c> in batches of at most <see cref="MaxBatch"/>, <c>/users/settings</c> and
/// <c>/recommendations/{movies|shows}</c>. Calls go through <see cref="TraktUserApi"/>, so writes take the
/// pipeline's write lane (1 per second).
/// </summary>
public sealed class TraktWatchlistClient
{
    /// <summary>The most items one write carries.</summary>
    public const int MaxBatch = 100;

    private readonly TraktUserApi _api;
    private readonly ILogger _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktWatchlistClient"/> class.
    /// </summary>
    /// <param name="api">Calls Trakt as the user.</param>
    /// <param name="logger">The logger.</param>
    public TraktWatchlistClient(TraktUserApi api, ILogger logger)
    {
        _api = api;
        _logger = logger;
    }

    /// <summary>
    /// Reads when the watchlist last changed on Trakt.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The movie and show <c>watchlisted_at</c> stamps together: equal marks mean no change.</returns>
    public async Task<TraktAnswer<string>> GetActivityAsync(CancellationToken cancellationToken)
    {
        var stamps = await _api.GetActivityStampsAsync("watchlisted_at", cancellationToken).ConfigureAwait(false);
        return stamps.Error is null
            ? new("movies=" + stamps.Value.Movies + ";shows=" + stamps.Value.Shows, null)
            : new(null, stamps.Error);
    }

    /// <summary>
    /// Reads the user's whole watchlist of one kind, in Trakt's order.
    /// </summary>
    /// <param name="kind">Movies or shows.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The titles.</returns>
    public async Task<TraktAnswer<IReadOnlyList<ListedTitle>>> GetWatchlistAsync(RatingKind kind, CancellationToken cancellationToken)
    {
        // No page or limit: Trakt returns the whole watchlist in one answer ("Pagination Optional").
        var (response, error) = await _api.SendAsync(HttpMethod.Get, "sync/watchlist/" + Plural(kind) + "/rank/asc", null, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return new(null, error);
        }

        using var document = JsonBody.TryParse(response!.Body);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Array } items)
        {
            return new(null, "Trakt's " + Plural(kind) + " watchlist could not be read.");
        }

        return new(items.EnumerateArray().Select(i => i.GetObject(Singular(kind))).OfType<JsonElement>().Select(t => Title(kind, t)).OfType<ListedTitle>().ToList(), null);
    }

    /// <summary>
    /// Reads how many titles the user's watchlist may hold (<c>limits.watchlist.item_count</c>).
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The limit, or null when Trakt names none.</returns>
    public async Task<TraktAnswer<int?>> GetWatchlistLimitAsync(CancellationToken cancellationToken)
    {
        var (response, error) = await _api.SendAsync(HttpMethod.Get, "users/settings", null, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return new(null, error);
        }

        var limit = JsonBody.TryParseObject(response!.Body)?.GetObject("limits")?.GetObject("watchlist")?.GetInt64("item_count");
        return new(limit is { } value ? (int)Math.Min(value, int.MaxValue) : null, null);
    }

    /// <summary>
    /// Reads Trakt's recommendations of one kind, best first.
    /// </summary>
    /// <param name="kind">Movies or shows.</param>
    /// <param name="limit">How many (Trakt allows up to 100).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The titles.</returns>
    public async Task<TraktAnswer<IReadOnlyList<ListedTitle>>> GetRecommendationsAsync(RatingKind kind, int limit, CancellationToken cancellationToken)
    {
        // Titles the user already has or watchlisted are wanted too: the ones in the library fill the playlist.
        var path = "recommendations/" + Plural(kind) + "?limit=" + Math.Clamp(limit, 1, 100).ToString(CultureInfo.InvariantCulture) + "&ignore_collected=false&ignore_watchlisted=true";
        var (response, error) = await _api.SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return new(null, error);
        }

        using var document = JsonBody.TryParse(response!.Body);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Array } items)
        {
            return new(null, "Trakt's " + Singular(kind) + " recommendations could not be read.");
        }

        return new(items.EnumerateArray().Select(t => Title(kind, t)).OfType<ListedTitle>().ToList(), null);
    }

    /// <summary>
    /// Adds titles to the user's watchlist.
    /// </summary>
    /// <param name="changes">The titles.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What Trakt took.</returns>
    public Task<WatchlistWriteResult> AddAsync(IReadOnlyList<WatchlistChange> changes, CancellationToken cancellationToken) =>
        WriteAsync("sync/watchlist", changes, cancellationToken);

    /// <summary>
    /// Removes titles from the user's watchlist.
    /// </summary>
    /// <param name="changes">The titles.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What Trakt removed.</returns>
    public Task<WatchlistWriteResult> RemoveAsync(IReadOnlyList<WatchlistChange> changes, CancellationToken cancellationToken) =>
        WriteAsync("sync/watchlist/remove", changes, cancellationToken);

    private static string Plural(RatingKind kind) => kind == RatingKind.Movie ? "movies" : "shows";

    private static string Singular(RatingKind kind) => kind == RatingKind.Movie ? "movie" : "show";

    private static ListedTitle? Title(RatingKind kind, JsonElement title)
    {
        if (title.ValueKind != JsonValueKind.Object || title.GetObject("ids") is not { } ids)
        {
            return null;
        }

        var year = title.GetInt64("year");
        return new ListedTitle(kind, TraktUserApi.ReadIds(ids), title.GetText("title") ?? string.Empty, year is { } y ? (int)y : null);
    }

    private async Task<WatchlistWriteResult> WriteAsync(string path, IReadOnlyList<WatchlistChange> changes, CancellationToken cancellationToken)
    {
        var done = new HashSet<RatingKey>();
        var notFound = new HashSet<RatingKey>();
        var failed = new HashSet<RatingKey>();
        string? lastError = null;
        var batches = changes.Chunk(MaxBatch).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            var batch = batches[i];
            var body = new JsonObject();
            foreach (var group in batch.GroupBy(c => c.Kind))
            {
                body[Plural(group.Key)] = new JsonArray(group.Select(c => (JsonNode)new JsonObject { ["ids"] = TraktUserApi.WriteIds(c.Ids) }).ToArray());
            }

            var (response, error) = await _api.SendAsync(HttpMethod.Post, path, body.ToJsonString(), cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                // The later batches would meet the same answer: they wait for the next sync with this one.
                _logger.LogWarning("Trakt {Path}: {Count} watchlist write(s) left pending: {Error}", path, changes.Count - (i * MaxBatch), error);
                failed.UnionWith(batches.Skip(i).SelectMany(b => b).Select(c => c.Key));
                lastError = error;
                break;
            }

            var missing = NotFound(response!.Body, batch);
            foreach (var change in batch)
            {
                (missing.Contains(change.Key) ? notFound : done).Add(change.Key);
            }
        }

        return new WatchlistWriteResult(done, notFound, failed, lastError);
    }

    // Trakt lists what it could not match under not_found, by the ids it was sent.
    private static HashSet<RatingKey> NotFound(string responseBody, IReadOnlyList<WatchlistChange> batch)
    {
        var missing = new HashSet<RatingKey>();
        if (JsonBody.TryParseObject(responseBody)?.GetObject("not_found") is not { } notFound)
        {
            return missing;
        }

        foreach (var kind in new[] { RatingKind.Movie, RatingKind.Show })
        {
            var matcher = new RatingKeyMatcher(batch.Where(c => c.Kind == kind).Select(c => new LocalRating(c.Kind, c.Ids, null, null)));
            foreach (var item in notFound.GetObjects(Plural(kind)))
            {
                if (item.GetObject("ids") is { } ids && matcher.Match(kind, TraktUserApi.ReadIds(ids)) is { } key)
                {
                    missing.Add(key);
                }
            }
        }

        return missing;
    }
}
