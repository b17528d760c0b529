using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Aperture.Emulators;

/// <summary>
/// Trakt's rating sync, per access token: <c>GET /sync/last_activities</c> (its <c>rated_at</c> stamps move with every
/// rating change), <c>GET /sync/ratings/movies|shows</c>, <c>POST /sync/ratings</c> (201, <c>added</c>,
/// <c>existing</c>, <c>not_found</c>) and <c>POST /sync/ratings/remove</c> (200, <c>deleted</c>, <c>not_found</c>).
/// An item sent without any id, or only with a TMDb id marked unknown (<see cref="MarkUnknown"/>), is not found. <see cref="FailNextWrites"/> makes the next writes fail.
/// </summary>
public sealed partial class TraktEmulator
{
    private static readonly DateTimeOffset _neverRated = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ConcurrentDictionary<string, UserRatings> _ratings = new(StringComparer.Ordinal);
    private readonly List<(DateTimeOffset Time, string Path, int Items, string Account)> _writes = [];
    private readonly ConcurrentDictionary<long, bool> _unknownTmdb = new();
    private int _failWrites;
    private int _failStatus = 503;
    private long _nextTraktId = 1000;

    /// <summary>Gets every accepted or failed rating write: when it arrived, its path, how many items it carried and whose account (<see cref="AccountOf"/>) it was for.</summary>
    public IReadOnlyList<(DateTimeOffset Time, string Path, int Items, string Account)> RatingWrites
    {
        get
        {
            lock (_writes)
            {
                return _writes.ToArray();
            }
        }
    }

    /// <summary>Makes the next rating writes fail with an HTTP status (default 503).</summary>
    /// <param name="count">How many writes fail.</param>
    /// <param name="status">The status they get.</param>
    public void FailNextWrites(int count, int status = 503)
    {
        Volatile.Write(ref _failStatus, status);
        Volatile.Write(ref _failWrites, count);
    }

    /// <summary>Makes a TMDb id one Trakt does not know: writes naming only it answer <c>not_found</c>.</summary>
    /// <param name="tmdb">The TMDb id.</param>
    public void MarkUnknown(long tmdb) => _unknownTmdb[tmdb] = true;

    /// <summary>Rates a title as the user would on trakt.tv.</summary>
    /// <param name="accessToken">The user's access token.</param>
    /// <param name="entry">The rating.</param>
    public void RateOnTrakt(string accessToken, TraktRatingEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var user = User(accessToken);
        lock (user)
        {
            Upsert(user, entry.Type, entry.Trakt == 0 ? null : entry.Trakt, entry.Tmdb, entry.Imdb, entry.Tvdb, entry.Rating, entry.RatedAt);
        }
    }

    /// <summary>Removes a rating as the user would on trakt.tv.</summary>
    /// <param name="accessToken">The user's access token.</param>
    /// <param name="type">"movie" or "show".</param>
    /// <param name="tmdb">The TMDb id.</param>
    /// <param name="imdb">The IMDb id.</param>
    /// <param name="tvdb">The TVDB id.</param>
    /// <returns>Whether a rating was removed.</returns>
    public bool UnrateOnTrakt(string accessToken, string type, long? tmdb = null, string? imdb = null, long? tvdb = null)
    {
        var user = User(accessToken);
        lock (user)
        {
            return Remove(user, type, null, tmdb, imdb, tvdb);
        }
    }

    /// <summary>Gets a user's ratings.</summary>
    /// <param name="accessToken">The user's access token.</param>
    /// <returns>The ratings.</returns>
    public IReadOnlyList<TraktRatingEntry> RatingsOf(string accessToken)
    {
        var user = User(accessToken);
        lock (user)
        {
            return user.Entries.ToArray();
        }
    }

    private static JsonObject Ids(TraktRatingEntry entry)
    {
        var ids = new JsonObject { ["trakt"] = entry.Trakt, ["slug"] = entry.Type + "-" + entry.Trakt.ToString(CultureInfo.InvariantCulture) };
        if (entry.Imdb is not null)
        {
            ids["imdb"] = entry.Imdb;
        }

        if (entry.Tmdb is not null)
        {
            ids["tmdb"] = entry.Tmdb;
        }

        if (entry.Tvdb is not null)
        {
            ids["tvdb"] = entry.Tvdb;
        }

        return ids;
    }

    private static string Stamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static long? Number(JsonNode? ids, string name) =>
        ids?[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    private UserRatings User(string accessToken) => _ratings.GetOrAdd(AccountOf(accessToken), _ => new UserRatings());

    private void Upsert(UserRatings user, string type, long? trakt, long? tmdb, string? imdb, long? tvdb, int rating, DateTimeOffset ratedAt)
    {
        var index = user.Entries.FindIndex(e => e.Matches(type, trakt, tmdb, imdb, tvdb));
        var id = index >= 0 ? user.Entries[index].Trakt : trakt ?? Interlocked.Increment(ref _nextTraktId);
        var entry = new TraktRatingEntry(type, tmdb, imdb, tvdb, rating, ratedAt) { Trakt = id };
        if (index >= 0)
        {
            var old = user.Entries[index];
            user.Entries[index] = entry with { Tmdb = tmdb ?? old.Tmdb, Imdb = imdb ?? old.Imdb, Tvdb = tvdb ?? old.Tvdb };
        }
        else
        {
            user.Entries.Add(entry);
        }

        user.Touch(type);
    }

    private bool Remove(UserRatings user, string type, long? trakt, long? tmdb, string? imdb, long? tvdb)
    {
        var removed = user.Entries.RemoveAll(e => e.Matches(type, trakt, tmdb, imdb, tvdb)) > 0;
        if (removed)
        {
            user.Touch(type);
        }

        return removed;
    }

    private async Task<bool> TryServeSyncAsync(HttpContext context, string path)
    {
        if (!path.StartsWith("/sync/", StringComparison.Ordinal))
        {
            return false;
        }

        var token = BearerToken(context);
        if (token is null || !_accessTokens.TryGetValue(token, out var expires) || expires <= DateTimeOffset.UtcNow)
        {
            await WriteEmptyAsync(context, 401).ConfigureAwait(false);
            return true;
        }

        var user = User(token);
        var get = HttpMethods.IsGet(context.Request.Method);
        var post = HttpMethods.IsPost(context.Request.Method);
        switch (path)
        {
            case "/sync/last_activities" when get:
                await WriteJsonAsync(context, 200, Activities(user, WatchlistedAt(token, "movie"), WatchlistedAt(token, "show"))).ConfigureAwait(false);
                return true;
            case "/sync/ratings/movies" when get:
            case "/sync/ratings/shows" when get:
                await WriteJsonAsync(context, 200, Ratings(user, path.EndsWith("movies", StringComparison.Ordinal) ? "movie" : "show")).ConfigureAwait(false);
                return true;
            case "/sync/ratings" when post:
            case "/sync/ratings/remove" when post:
                await WriteRatingsAsync(context, user, path).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    private async Task WriteRatingsAsync(HttpContext context, UserRatings user, string path)
    {
        var body = await ReadJsonAsync(context).ConfigureAwait(false);
        var items = new[] { "movie", "show" }.Sum(type => (body?[type + "s"] as JsonArray)?.Count ?? 0);
        lock (_writes)
        {
            _writes.Add((DateTimeOffset.UtcNow, path, items, AccountOf(BearerToken(context) ?? string.Empty)));
        }

        if (Interlocked.Decrement(ref _failWrites) >= 0)
        {
            await WriteEmptyAsync(context, Volatile.Read(ref _failStatus)).ConfigureAwait(false);
            return;
        }

        Interlocked.Exchange(ref _failWrites, 0);
        var add = path == "/sync/ratings";
        var counts = new JsonObject();
        var existing = new JsonObject();
        var notFound = new JsonObject();
        lock (user)
        {
            foreach (var type in new[] { "movie", "show" })
            {
                var done = 0;
                var same = 0;
                var missing = new JsonArray();
                foreach (var item in (body?[type + "s"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var ids = item["ids"];
                    var (trakt, tmdb, imdb, tvdb) = (Number(ids, "trakt"), Number(ids, "tmdb"), Text(ids, "imdb"), Number(ids, "tvdb"));
                    var rating = Number(item, "rating");
                    var known = trakt is not null || (tmdb is not null && !_unknownTmdb.ContainsKey(tmdb.Value)) || imdb is not null || tvdb is not null;
                    if (!known || (add && rating is not (>= 1 and <= 10)))
                    {
                        missing.Add(new JsonObject { ["ids"] = ids?.DeepClone() });
                        continue;
                    }

                    if (!add)
                    {
                        if (Remove(user, type, trakt, tmdb, imdb, tvdb))
                        {
                            done++;
                        }
                        else
                        {
                            missing.Add(new JsonObject { ["ids"] = ids?.DeepClone() });
                        }

                        continue;
                    }

                    var ratedAt = DateTimeOffset.TryParse(Text(item, "rated_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.UtcNow;
                    var current = user.Entries.FirstOrDefault(e => e.Matches(type, trakt, tmdb, imdb, tvdb));
                    if (current?.Rating == rating)
                    {
                        same++;
                        continue;
                    }

                    Upsert(user, type, trakt, tmdb, imdb, tvdb, (int)rating!.Value, ratedAt);
                    done++;
                }

                counts[type + "s"] = done;
                existing[type + "s"] = same;
                notFound[type + "s"] = missing;
            }
        }

        var answer = add
            ? new JsonObject { ["added"] = counts, ["existing"] = existing, ["not_found"] = notFound }
            : new JsonObject { ["deleted"] = counts, ["not_found"] = notFound };
        await WriteJsonAsync(context, add ? 201 : 200, answer).ConfigureAwait(false);
    }

    private JsonArray Ratings(UserRatings user, string type)
    {
        var list = new JsonArray();
        lock (user)
        {
            foreach (var entry in user.Entries.Where(e => e.Type == type))
            {
                list.Add(new JsonObject
                {
                    ["rated_at"] = Stamp(entry.RatedAt),
                    ["rating"] = entry.Rating,
                    ["type"] = type,
                    [type] = new JsonObject { ["title"] = type + " " + entry.Trakt.ToString(CultureInfo.InvariantCulture), ["year"] = 2000, ["ids"] = Ids(entry) },
                });
            }
        }

        return list;
    }

    private static JsonObject Activities(UserRatings user, DateTimeOffset moviesWatchlisted, DateTimeOffset showsWatchlisted)
    {
        lock (user)
        {
            var movies = user.MoviesRatedAt ?? _neverRated;
            var shows = user.ShowsRatedAt ?? _neverRated;
            JsonObject Kind(DateTimeOffset rated, DateTimeOffset watchlisted) => new()
            {
                ["watched_at"] = Stamp(_neverRated),
                ["collected_at"] = Stamp(_neverRated),
                ["rated_at"] = Stamp(rated),
                ["watchlisted_at"] = Stamp(watchlisted),
                ["favorited_at"] = Stamp(_neverRated),
                ["commented_at"] = Stamp(_neverRated),
                ["paused_at"] = Stamp(_neverRated),
                ["hidden_at"] = Stamp(_neverRated),
            };
            return new JsonObject
            {
                ["all"] = Stamp(new[] { movies, shows, moviesWatchlisted, showsWatchlisted }.Max()),
                ["movies"] = Kind(movies, moviesWatchlisted),
                ["shows"] = Kind(shows, showsWatchlisted),
                ["episodes"] = Kind(_neverRated, _neverRated),
                ["seasons"] = Kind(_neverRated, _neverRated),
            };
        }
    }

    private sealed class UserRatings
    {
        public List<TraktRatingEntry> Entries { get; } = [];

        public DateTimeOffset? MoviesRatedAt { get; private set; }

        public DateTimeOffset? ShowsRatedAt { get; private set; }

        // Strictly increasing, so two changes in the same millisecond still move the stamp.
        public void Touch(string type)
        {
            var last = new[] { MoviesRatedAt ?? _neverRated, ShowsRatedAt ?? _neverRated }.Max();
            var now = DateTimeOffset.UtcNow;
            var stamp = now > last.AddMilliseconds(1) ? now : last.AddMilliseconds(1);
            if (type == "movie")
            {
                MoviesRatedAt = stamp;
            }
            else
            {
                ShowsRatedAt = stamp;
            }
        }
    }
}
