using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators.Catalog;
using Microsoft.AspNetCore.Http;

namespace Aperture.Emulators;

/// <summary>
/// MDBList at <c>http://127.0.0.1:port</c> (key as <c>apikey</c> query): <c>GET /user</c>, item info
/// <c>GET /{provider}/{mediatype}/{id}</c>, batch <c>POST /{provider}/{mediatype}</c> (supporters only),
/// <c>POST /rating/{mediatype}/{return_rating}</c>, and the list endpoints (MdbListEmulator.Lists.cs). Every response carries <c>X-RateLimit-Limit/Remaining/Reset</c>
/// for the daily quota (<see cref="ServiceEmulator.DailyQuota"/>, shown as 1,000 when unset).
/// </summary>
public sealed partial class MdbListEmulator : ServiceEmulator
{
    /// <summary>The daily allowance reported when <see cref="ServiceEmulator.DailyQuota"/> is not set (free tier).</summary>
    public const int DefaultDailyAllowance = 1000;

    /// <summary>The most ids a supporter may send in one batch item request.</summary>
    public const int MaxBatchIds = 200;

    private static readonly string[] _providers = ["imdb", "tmdb", "tvdb", "trakt"];

    /// <summary>Initializes a new instance of the <see cref="MdbListEmulator"/> class.</summary>
    public MdbListEmulator()
        : base("mdblist")
    {
    }

    /// <summary>Gets or sets a value indicating whether the account is a supporter (batch calls, 100 rating ids).</summary>
    public bool IsSupporter { get; set; }

    /// <summary>Gets or sets how an exhausted daily quota is answered.</summary>
    public MdbListQuotaShape QuotaShape { get; set; } = MdbListQuotaShape.Http429;

    /// <summary>Gets the daily allowance as reported in <c>/user</c> and the headers.</summary>
    public int DailyAllowance => DailyQuota ?? DefaultDailyAllowance;

    /// <summary>Starts an MDBList emulator.</summary>
    /// <param name="port">The loopback port to listen on; 0 (the default) picks a free ephemeral port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started emulator.</returns>
    public static Task<MdbListEmulator> StartAsync(int port = 0, CancellationToken cancellationToken = default) => StartAsync<MdbListEmulator>(port, cancellationToken);

    /// <summary>Builds the item object MDBList returns for a title.</summary>
    /// <param name="item">The title.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject Describe(CatalogItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var movie = item.Kind == MediaKind.Movie;
        var tmdbScore = (int)Math.Round(item.TmdbRating * 10);
        var letterboxdScore = item.Letterboxd is { } lb ? (int?)Math.Round(lb * 20) : null;
        var ratings = new JsonArray(
            Rating("imdb", item.ImdbRating, (int)Math.Round(item.ImdbRating * 10), item.ImdbVotes),
            Rating("metacritic", item.Metacritic, item.Metacritic, item.Metacritic is null ? null : 40),
            Rating("trakt", item.TraktRating, item.TraktRating, item.ImdbVotes / 60),
            Rating("tomatoes", item.RottenTomatoes, item.RottenTomatoes, item.RottenTomatoes is null ? null : 250),
            Rating("tomatoesaudience", item.RottenTomatoesAudience, item.RottenTomatoesAudience, item.RottenTomatoesAudience is null ? null : 25_000),
            Rating("tmdb", tmdbScore, tmdbScore, item.TmdbVotes),
            Rating("letterboxd", item.Letterboxd, letterboxdScore, letterboxdScore is null ? null : item.ImdbVotes / 4));
        var scores = new[] { (int?)Math.Round(item.ImdbRating * 10), item.Metacritic, item.TraktRating, item.RottenTomatoes, item.RottenTomatoesAudience, tmdbScore, letterboxdScore }
            .Where(s => s is not null).Select(s => s!.Value).ToArray();
        return new JsonObject
        {
            ["title"] = item.Title,
            ["year"] = item.Year,
            ["released"] = item.ReleaseDate,
            ["description"] = item.Overview,
            ["runtime"] = item.Runtime,
            ["score"] = (int)Math.Round(scores.Average()),
            ["score_average"] = (int)Math.Round(scores.Average() - 1),
            ["ids"] = new JsonObject
            {
                ["imdb"] = item.ImdbId,
                ["tmdb"] = item.TmdbId,
                ["trakt"] = item.TraktId,
                ["tvdb"] = item.TvdbId,
                ["mal"] = null,
            },
            ["type"] = movie ? "movie" : "show",
            ["ratings"] = ratings,
            ["certification"] = item.Certification,
            ["genres"] = new JsonArray(item.Genres.Select(g => (JsonNode?)new JsonObject { ["id"] = MediaCatalog.StableId(g) % 1000, ["title"] = g.ToLowerInvariant() }).ToArray()),
            ["keywords"] = new JsonArray(item.Keywords.Select(k => (JsonNode?)new JsonObject { ["id"] = MediaCatalog.StableId(k) % 400_000, ["name"] = k }).ToArray()),
            ["poster"] = "https://image.tmdb.org/t/p/original" + item.PosterPath,
            ["backdrop"] = "https://image.tmdb.org/t/p/original" + item.BackdropPath,
        };
    }

    /// <inheritdoc/>
    protected override void OnRequest(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var limit = DailyAllowance;
            var headers = context.Response.Headers;
            headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = Math.Max(0, limit - QuotaUsedToday).ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = NextUtcMidnight().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
    }

    /// <inheritdoc/>
    protected override async Task ServeAsync(HttpContext context)
    {
        var key = context.Request.Query["apikey"].ToString();
        if (!ValidKeys.Contains(key))
        {
            await WriteBadKeyAsync(context).ConfigureAwait(false);
            return;
        }

        if (!TryConsumeQuota())
        {
            await WriteQuotaExhaustedAsync(context).ConfigureAwait(false);
            return;
        }

        var segments = (context.Request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var get = HttpMethods.IsGet(context.Request.Method);
        var post = HttpMethods.IsPost(context.Request.Method);
        if (get && segments is ["lists", ..] && await ServeListsAsync(context, segments).ConfigureAwait(false))
        {
            return;
        }

        switch (segments)
        {
            case ["user"] when get:
                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["user_id"] = 1,
                    ["user_name"] = "demo",
                    ["is_supporter"] = IsSupporter,
                    ["patron_status"] = IsSupporter ? "active_patron" : "free",
                    ["api_requests"] = DailyAllowance,
                    ["api_requests_count"] = QuotaUsedToday,
                }).ConfigureAwait(false);
                return;
            case ["rating", var mediaType, var returnRating] when post:
                await WriteRatingsAsync(context, mediaType, returnRating).ConfigureAwait(false);
                return;
            case [var provider, var mediaType, var id] when get && IsKnown(provider, mediaType):
                var item = Find(provider, KindOf(mediaType), id);
                if (item is null)
                {
                    await WriteNotFoundAsync(context).ConfigureAwait(false);
                    return;
                }

                await WriteJsonAsync(context, 200, Describe(item)).ConfigureAwait(false);
                return;
            case [var provider, var mediaType] when post && IsKnown(provider, mediaType):
                await WriteBatchAsync(context, provider, KindOf(mediaType)).ConfigureAwait(false);
                return;
            default:
                await WriteNotFoundAsync(context).ConfigureAwait(false);
                return;
        }
    }

    /// <inheritdoc/>
    protected override Task WriteBadKeyAsync(HttpContext context)
        => WriteJsonAsync(context, 401, new JsonObject { ["error"] = "Invalid API key!" });

    /// <inheritdoc/>
    protected override Task WriteRateLimitedAsync(HttpContext context, int retryAfterSeconds, (int Permits, TimeSpan Window)? overWindow)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return WriteJsonAsync(context, 429, new JsonObject { ["error"] = "API Rate Limit Reached!" });
    }

    /// <inheritdoc/>
    protected override Task WriteQuotaExhaustedAsync(HttpContext context)
    {
        var body = new JsonObject { ["response"] = false, ["error"] = "API Limit Reached!" };
        if (QuotaShape == MdbListQuotaShape.Http200Body)
        {
            return WriteJsonAsync(context, 200, body);
        }

        var untilMidnight = NextUtcMidnight() - DateTimeOffset.UtcNow;
        context.Response.Headers.RetryAfter = Math.Max(1, CeilSeconds(untilMidnight)).ToString(CultureInfo.InvariantCulture);
        return WriteJsonAsync(context, 429, body);
    }

    private static JsonObject Rating(string source, double? value, int? score, int? votes)
        => new() { ["source"] = source, ["value"] = value, ["score"] = score, ["votes"] = votes };

    private static Task WriteNotFoundAsync(HttpContext context) => WriteJsonAsync(context, 404, new JsonObject { ["error"] = "Not found" });

    private static bool IsKnown(string provider, string mediaType)
        => _providers.Contains(provider, StringComparer.Ordinal) && mediaType is "movie" or "show";

    private static MediaKind KindOf(string mediaType) => mediaType == "show" ? MediaKind.Show : MediaKind.Movie;

    private static double? RatingValue(CatalogItem item, string returnRating) => returnRating switch
    {
        "imdb" => item.ImdbRating,
        "tmdb" => Math.Round(item.TmdbRating * 10),
        "trakt" => item.TraktRating,
        "letterboxd" => item.Letterboxd,
        "tomatoes" => item.RottenTomatoes,
        "audience" => item.RottenTomatoesAudience,
        "metacritic" => item.Metacritic,
        "score" or "score_average" => Describe(item)[returnRating]!.GetValue<int>(),
        _ => null,
    };

    private CatalogItem? Find(string provider, MediaKind kind, string id)
    {
        var synthesize = !UnknownIdsAreNotFound;
        var numeric = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        var item = provider switch
        {
            "imdb" => MediaCatalog.FindByImdb(id, synthesize),
            "tmdb" when numeric => MediaCatalog.FindByTmdb(kind, number, synthesize),
            "tvdb" when numeric && kind == MediaKind.Show => MediaCatalog.FindByTvdb(number, synthesize),
            "trakt" when numeric => MediaCatalog.FindByTrakt(kind, number, synthesize),
            _ => null,
        };
        return item is not null && item.Kind == kind ? item : null;
    }

    private async Task WriteBatchAsync(HttpContext context, string provider, MediaKind kind)
    {
        if (!IsSupporter)
        {
            await WriteJsonAsync(context, 403, new JsonObject { ["error"] = "Batch requests need a supporter account" }).ConfigureAwait(false);
            return;
        }

        var ids = await ReadIdsAsync(context).ConfigureAwait(false);
        if (ids is null || ids.Count == 0 || ids.Count > MaxBatchIds)
        {
            await WriteJsonAsync(context, 400, new JsonObject { ["error"] = Inv($"Send between 1 and {MaxBatchIds} ids") }).ConfigureAwait(false);
            return;
        }

        var items = ids.Select(id => Find(provider, kind, id)).Where(i => i is not null).Select(i => (JsonNode?)Describe(i!)).ToArray();
        await WriteJsonAsync(context, 200, new JsonArray(items)).ConfigureAwait(false);
    }

    private async Task WriteRatingsAsync(HttpContext context, string mediaType, string returnRating)
    {
        var body = await ReadJsonAsync(context).ConfigureAwait(false);
        var provider = body?["provider"]?.GetValueKind() == JsonValueKind.String ? body["provider"]!.GetValue<string>() : "imdb";
        var idNodes = body?["ids"] as JsonArray;
        var max = IsSupporter ? 100 : 10;
        if (mediaType is not ("movie" or "show") || !_providers.Contains(provider, StringComparer.Ordinal) || idNodes is null)
        {
            await WriteJsonAsync(context, 400, new JsonObject { ["error"] = "Invalid request" }).ConfigureAwait(false);
            return;
        }

        if (idNodes.Count > max)
        {
            await WriteJsonAsync(context, 400, new JsonObject { ["error"] = Inv($"Too many ids, the limit is {max}") }).ConfigureAwait(false);
            return;
        }

        var ratings = new JsonArray();
        foreach (var node in idNodes)
        {
            var id = node?.GetValueKind() == JsonValueKind.Number ? node.GetValue<long>().ToString(CultureInfo.InvariantCulture) : node?.ToString() ?? string.Empty;
            var item = Find(provider, KindOf(mediaType), id);
            ratings.Add(new JsonObject { ["id"] = node?.DeepClone(), ["rating"] = item is null ? null : RatingValue(item, returnRating) });
        }

        await WriteJsonAsync(context, 200, new JsonObject { ["ratings"] = ratings }).ConfigureAwait(false);
    }

    private async Task<List<string>?> ReadIdsAsync(HttpContext context)
    {
        var body = await ReadJsonAsync(context).ConfigureAwait(false);
        if (body?["ids"] is not JsonArray ids)
        {
            return null;
        }

        return ids.Select(n => n?.GetValueKind() == JsonValueKind.Number ? n.GetValue<long>().ToString(CultureInfo.InvariantCulture) : n?.ToString() ?? string.Empty).ToList();
    }
}
