using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Common;
using Jellyfin.Plugin.Aperture.Integrations.Trakt;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// One user's Trakt ratings: <c>/sync/last_activities</c>, <c>/sync/ratings/{movies|shows}</c>, and writes to
/// <c>/sync/ratings</c> and <c>/sync/ratings/remove</c> in batches of at most <see cref="MaxBatch"/> items. Every call
/// goes through the pipeline; writes are marked as such, so they take its write lane (Trakt: 1 per second).
/// Calls are made as the user through <see cref="TraktUserApi"/>.
/// </summary>
public sealed class TraktRatingsClient
{
    /// <summary>The most items one write carries (what Trakt's own plugins send).</summary>
    public const int MaxBatch = 100;

    private readonly TraktUserApi _api;
    private readonly ILogger _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktRatingsClient"/> class.
    /// </summary>
    /// <param name="api">Calls Trakt as the user.</param>
    /// <param name="logger">The logger.</param>
    public TraktRatingsClient(TraktUserApi api, ILogger logger)
    {
        _api = api;
        _logger = logger;
    }

    /// <summary>
    /// Reads when ratings last changed on Trakt.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The activity.</returns>
    public async Task<TraktAnswer<TraktActivity>> GetLastActivitiesAsync(CancellationToken cancellationToken)
    {
        var stamps = await _api.GetActivityStampsAsync("rated_at", cancellationToken).ConfigureAwait(false);
        if (stamps.Error is not null)
        {
            return new(null, stamps.Error);
        }

        var (movies, shows) = stamps.Value;
        var latest = new[] { TraktUserApi.Time(movies), TraktUserApi.Time(shows) }.Max();
        return new(new TraktActivity("movies=" + movies + ";shows=" + shows, latest), null);
    }

    /// <summary>
    /// Reads the user's ratings of one kind.
    /// </summary>
    /// <param name="kind">Movies or shows.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The ratings.</returns>
    public async Task<TraktAnswer<IReadOnlyList<RemoteRating>>> GetRatingsAsync(RatingKind kind, CancellationToken cancellationToken)
    {
        // No page or limit: Trakt returns every rating in one answer ("Pagination Optional").
        var (response, error) = await _api.SendAsync(HttpMethod.Get, "sync/ratings/" + Plural(kind), null, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return new(null, error);
        }

        using var document = JsonBody.TryParse(response!.Body);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Array } items)
        {
            return new(null, "Trakt's " + Plural(kind) + " ratings could not be read.");
        }

        var ratings = new List<RemoteRating>();
        foreach (var item in items.EnumerateArray())
        {
            var ids = item.GetObject(Singular(kind))?.GetObject("ids");
            if (ids is { } idObject && item.GetInt64("rating") is { } rating && TraktRatingScale.IsValid(rating) && TraktUserApi.Time(item.GetText("rated_at")) is { } ratedAt)
            {
                ratings.Add(new RemoteRating(kind, TraktUserApi.ReadIds(idObject), (int)rating, ratedAt));
            }
        }

        return new(ratings, null);
    }

    /// <summary>
    /// Sets ratings on Trakt, with each local change's time as <c>rated_at</c> (not today's date).
    /// </summary>
    /// <param name="changes">The ratings to set.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What Trakt took.</returns>
    public Task<TraktWriteResult> AddAsync(IReadOnlyList<RatingChange> changes, CancellationToken cancellationToken) =>
        WriteAsync("sync/ratings", changes, withRating: true, cancellationToken);

    /// <summary>
    /// Removes ratings from Trakt.
    /// </summary>
    /// <param name="changes">The ratings to remove.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What Trakt removed.</returns>
    public Task<TraktWriteResult> RemoveAsync(IReadOnlyList<RatingChange> changes, CancellationToken cancellationToken) =>
        WriteAsync("sync/ratings/remove", changes, withRating: false, cancellationToken);

    private static string Plural(RatingKind kind) => kind == RatingKind.Movie ? "movies" : "shows";

    private static string Singular(RatingKind kind) => kind == RatingKind.Movie ? "movie" : "show";

    private static string Body(IEnumerable<RatingChange> batch, bool withRating)
    {
        var body = new JsonObject();
        foreach (var group in batch.GroupBy(c => c.Kind))
        {
            var items = new JsonArray();
            foreach (var change in group)
            {
                var item = new JsonObject { ["ids"] = TraktUserApi.WriteIds(change.Ids) };
                if (withRating)
                {
                    item["rating"] = change.Value;
                    if (change.At is { } at)
                    {
                        item["rated_at"] = TraktUserApi.Text(at);
                    }
                }

                items.Add(item);
            }

            body[Plural(group.Key)] = items;
        }

        return body.ToJsonString();
    }

    // Trakt lists what it could not match under not_found, by the ids it was sent.
    private static HashSet<RatingKey> NotFound(string responseBody, IReadOnlyList<RatingChange> batch)
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

    private async Task<TraktWriteResult> WriteAsync(string path, IReadOnlyList<RatingChange> changes, bool withRating, CancellationToken cancellationToken)
    {
        var done = new List<RatingChange>();
        var notFound = new List<RatingChange>();
        var failed = new List<(RatingChange, string)>();
        var batches = changes.Chunk(MaxBatch).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            var batch = batches[i];
            var (response, error) = await _api.SendAsync(HttpMethod.Post, path, Body(batch, withRating), cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                // Trakt said no (or is away): the later batches would meet the same answer, so they wait for the
                // next sync with this one instead of spending writes now.
                _logger.LogWarning("Trakt {Path}: {Count} rating write(s) left pending: {Error}", path, changes.Count - (i * MaxBatch), error);
                failed.AddRange(batches.Skip(i).SelectMany(b => b).Select(c => (c, error)));
                break;
            }

            var missing = NotFound(response!.Body, batch);
            foreach (var change in batch)
            {
                (missing.Contains(change.Key) ? notFound : done).Add(change);
            }
        }

        if (notFound.Count > 0)
        {
            _logger.LogWarning("Trakt {Path}: Trakt does not know {Count} title(s); they were skipped", path, notFound.Count);
        }

        return new TraktWriteResult(done, notFound, failed);
    }
}
