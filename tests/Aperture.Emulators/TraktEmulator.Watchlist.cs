using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Aperture.Emulators;

/// <summary>
/// Trakt's watchlist and recommendations, per access token: <c>GET /sync/watchlist/movies|shows[/sort/how]</c>,
/// <c>POST /sync/watchlist</c> (201, <c>added</c>, <c>existing</c>, <c>not_found</c>, <c>list</c>) and
/// <c>POST /sync/watchlist/remove</c> (200, <c>deleted</c>, <c>not_found</c>, <c>list</c>); every change moves that
/// kind's <c>watchlisted_at</c> in <c>/sync/last_activities</c>. An add that would take the watchlist over
/// <see cref="TraktLimits.WatchlistItemCount"/> is refused whole with 420, as Trakt does for a read-only account.
/// <c>GET /recommendations/movies|shows</c> answers the titles set by <see cref="SetRecommendations"/>, cut to
/// <c>limit</c> (default 10, at most 100). <see cref="FailNextWrites"/> also fails watchlist writes.
/// </summary>
public sealed partial class TraktEmulator
{
    private readonly ConcurrentDictionary<string, UserWatchlist> _watchlists = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TraktListedTitle[]> _recommendations = new(StringComparer.Ordinal);
    private readonly List<(DateTimeOffset Time, string Path, int Items)> _watchlistWrites = [];

    /// <summary>Gets every watchlist write that reached the emulator: when (on <see cref="Clock"/>), its path and how many items it carried.</summary>
    public IReadOnlyList<(DateTimeOffset Time, string Path, int Items)> WatchlistWrites
    {
        get
        {
            lock (_watchlistWrites)
            {
                return _watchlistWrites.ToArray();
            }
        }
    }

    /// <summary>Puts a title on a user's watchlist as the user would on trakt.tv.</summary>
    /// <param name="accessToken">The user's access token.</param>
    /// <param name="title">The title.</param>
    public void AddToWatchlistOnTrakt(string accessToken, TraktListedTitle title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var list = Watchlist(accessToken);
        lock (list)
        {
            AddListed(list, title with { Trakt = title.Trakt == 0 ? Interlocked.Increment(ref _nextTraktId) : title.Trakt });
        }
    }

    /// <summary>Takes a title off a user's watchlist as the user would on trakt.tv.</summary>
    /// <param name="accessToken">The user's access token.</param>
    /// <param name="type">"movie" or "show".</param>
    /// <param name="tmdb">The TMDb id.</param>
    /// <param name="imdb">The IMDb id.</param>
    /// <param name="tvdb">The TVDB id.</param>
    /// <returns>Whether a title was removed.</returns>
    public bool RemoveFromWatchlistOnTrakt(string accessToken, string type, long? tmdb = null, string? imdb = null, long? tvdb = null)
    {
        var list = Watchlist(accessToken);
        lock (list)
        {
            return RemoveListed(list, type, null, tmdb, imdb, tvdb);
        }
    }

    /// <summary>Gets a user's watchlist, oldest first.</summary>
    /// <param name="accessToken">The user's access token.</param>
    /// <returns>The titles.</returns>
    public IReadOnlyList<TraktListedTitle> WatchlistOf(string accessToken)
    {
        var list = Watchlist(accessToken);
        lock (list)
        {
            return list.Entries.ToArray();
        }
    }

    /// <summary>Sets what Trakt recommends to a user, best first.</summary>
    /// <param name="accessToken">The user's access token.</param>
    /// <param name="titles">The movies and shows.</param>
    public void SetRecommendations(string accessToken, IEnumerable<TraktListedTitle> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        _recommendations[accessToken] = titles
            .Select(t => t with { Trakt = t.Trakt == 0 ? Interlocked.Increment(ref _nextTraktId) : t.Trakt })
            .ToArray();
    }

    private static JsonObject ListedJson(TraktListedTitle title)
    {
        var ids = new JsonObject { ["trakt"] = title.Trakt, ["slug"] = title.Type + "-" + title.Trakt.ToString(CultureInfo.InvariantCulture) };
        if (title.Imdb is not null)
        {
            ids["imdb"] = title.Imdb;
        }

        if (title.Tmdb is not null)
        {
            ids["tmdb"] = title.Tmdb;
        }

        if (title.Tvdb is not null)
        {
            ids["tvdb"] = title.Tvdb;
        }

        return new JsonObject { ["title"] = title.Title, ["year"] = title.Year, ["ids"] = ids };
    }

    private static void AddListed(UserWatchlist list, TraktListedTitle title)
    {
        if (list.Entries.Any(e => e.Matches(title.Type, title.Trakt, title.Tmdb, title.Imdb, title.Tvdb)))
        {
            return;
        }

        list.Entries.Add(title with { ListedAt = DateTimeOffset.UtcNow });
        list.Touch(title.Type);
    }

    private static bool RemoveListed(UserWatchlist list, string type, long? trakt, long? tmdb, string? imdb, long? tvdb)
    {
        var removed = list.Entries.RemoveAll(e => e.Matches(type, trakt, tmdb, imdb, tvdb)) > 0;
        if (removed)
        {
            list.Touch(type);
        }

        return removed;
    }

    private UserWatchlist Watchlist(string accessToken) => _watchlists.GetOrAdd(AccountOf(accessToken), _ => new UserWatchlist());

    private async Task<bool> TryServeWatchlistAsync(HttpContext context, string path)
    {
        var watchlist = path.StartsWith("/sync/watchlist", StringComparison.Ordinal);
        var recommendations = path.StartsWith("/recommendations/", StringComparison.Ordinal);
        if (!watchlist && !recommendations)
        {
            return false;
        }

        var token = BearerToken(context);
        if (token is null || !_accessTokens.TryGetValue(token, out var expires) || expires <= Clock.GetUtcNow())
        {
            await WriteEmptyAsync(context, 401).ConfigureAwait(false);
            return true;
        }

        var get = HttpMethods.IsGet(context.Request.Method);
        var post = HttpMethods.IsPost(context.Request.Method);
        if (recommendations && get && ListKind(path["/recommendations/".Length..]) is { } kind)
        {
            var limit = int.TryParse(context.Request.Query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var asked) ? Math.Clamp(asked, 1, 100) : 10;
            var titles = _recommendations.TryGetValue(token, out var set) ? set : [];
            var answer = new JsonArray();
            foreach (var title in titles.Where(t => t.Type == kind).Take(limit))
            {
                answer.Add(ListedJson(title));
            }

            await WriteJsonAsync(context, 200, answer).ConfigureAwait(false);
            return true;
        }

        var list = Watchlist(token);
        if (watchlist && get && path.Split('/') is { Length: >= 4 } parts && ListKind(parts[3]) is { } listKind)
        {
            var answer = new JsonArray();
            lock (list)
            {
                var rank = 1;
                foreach (var title in list.Entries.Where(e => e.Type == listKind))
                {
                    answer.Add(new JsonObject
                    {
                        ["rank"] = rank++,
                        ["id"] = title.Trakt,
                        ["listed_at"] = Stamp(title.ListedAt),
                        ["notes"] = null,
                        ["type"] = listKind,
                        [listKind] = ListedJson(title),
                    });
                }
            }

            await WriteJsonAsync(context, 200, answer).ConfigureAwait(false);
            return true;
        }

        if (post && path is "/sync/watchlist" or "/sync/watchlist/remove")
        {
            await WriteWatchlistAsync(context, list, add: path == "/sync/watchlist").ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private static string? ListKind(string segment) => segment switch
    {
        "movies" => "movie",
        "shows" => "show",
        _ => null,
    };

    private async Task WriteWatchlistAsync(HttpContext context, UserWatchlist list, bool add)
    {
        var body = await ReadJsonAsync(context).ConfigureAwait(false);
        var sent = new[] { "movie", "show" }.Sum(type => (body?[type + "s"] as JsonArray)?.Count ?? 0);
        lock (_watchlistWrites)
        {
            // On the emulator's clock, which a test may share with the pipeline, so pacing is read in that time.
            _watchlistWrites.Add((Clock.GetUtcNow(), context.Request.Path.Value ?? string.Empty, sent));
        }

        if (Interlocked.Decrement(ref _failWrites) >= 0)
        {
            await WriteEmptyAsync(context, Volatile.Read(ref _failStatus)).ConfigureAwait(false);
            return;
        }

        Interlocked.Exchange(ref _failWrites, 0);
        var counts = new JsonObject();
        var existing = new JsonObject();
        var notFound = new JsonObject();
        int total;
        lock (list)
        {
            // Trakt refuses the whole add when the account is read-only because of its limit.
            if (add && list.Entries.Count + sent > Limits.WatchlistItemCount)
            {
                total = -1;
            }
            else
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
                        var known = trakt is not null || (tmdb is not null && !_unknownTmdb.ContainsKey(tmdb.Value)) || imdb is not null || tvdb is not null;
                        if (!known)
                        {
                            missing.Add(new JsonObject { ["ids"] = ids?.DeepClone() });
                        }
                        else if (!add)
                        {
                            if (RemoveListed(list, type, trakt, tmdb, imdb, tvdb))
                            {
                                done++;
                            }
                            else
                            {
                                missing.Add(new JsonObject { ["ids"] = ids?.DeepClone() });
                            }
                        }
                        else if (list.Entries.Any(e => e.Matches(type, trakt, tmdb, imdb, tvdb)))
                        {
                            same++;
                        }
                        else
                        {
                            var id = trakt ?? Interlocked.Increment(ref _nextTraktId);
                            AddListed(list, new TraktListedTitle(type, Text(item, "title") ?? type + " " + id.ToString(CultureInfo.InvariantCulture), null, tmdb, imdb, tvdb) { Trakt = id });
                            done++;
                        }
                    }

                    counts[type + "s"] = done;
                    existing[type + "s"] = same;
                    notFound[type + "s"] = missing;
                }

                total = list.Entries.Count;
            }
        }

        if (total < 0)
        {
            await WriteQuotaExhaustedAsync(context).ConfigureAwait(false);
            return;
        }

        var listInfo = new JsonObject { ["updated_at"] = Stamp(DateTimeOffset.UtcNow), ["item_count"] = total };
        var answer = add
            ? new JsonObject { ["added"] = counts, ["existing"] = existing, ["not_found"] = notFound, ["list"] = listInfo }
            : new JsonObject { ["deleted"] = counts, ["not_found"] = notFound, ["list"] = listInfo };
        await WriteJsonAsync(context, add ? 201 : 200, answer).ConfigureAwait(false);
    }

    private DateTimeOffset WatchlistedAt(string accessToken, string type)
    {
        var list = Watchlist(accessToken);
        lock (list)
        {
            return (type == "movie" ? list.MoviesAt : list.ShowsAt) ?? _neverRated;
        }
    }

    private sealed class UserWatchlist
    {
        public List<TraktListedTitle> Entries { get; } = [];

        public DateTimeOffset? MoviesAt { get; private set; }

        public DateTimeOffset? ShowsAt { get; private set; }

        // Strictly increasing, so two changes in the same millisecond still move the stamp.
        public void Touch(string type)
        {
            var last = new[] { MoviesAt ?? _neverRated, ShowsAt ?? _neverRated }.Max();
            var now = DateTimeOffset.UtcNow;
            var stamp = now > last.AddMilliseconds(1) ? now : last.AddMilliseconds(1);
            if (type == "movie")
            {
                MoviesAt = stamp;
            }
            else
            {
                ShowsAt = stamp;
            }
        }
    }
}
