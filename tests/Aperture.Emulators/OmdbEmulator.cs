using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators.Catalog;
using Microsoft.AspNetCore.Http;

namespace Aperture.Emulators;

/// <summary>
/// OMDb at <c>http://127.0.0.1:port/</c>: <c>GET /?apikey=&amp;i=tt…</c> or <c>&amp;t=title</c>. Every value is a string,
/// missing values are <c>"N/A"</c>, and every error is <c>{"Response":"False","Error":"…"}</c>: wrong key, missing key and
/// exhausted daily quota are all HTTP 401; unknown ids are HTTP 200.
/// </summary>
public sealed class OmdbEmulator : ServiceEmulator
{
    /// <summary>The free tier's daily request allowance.</summary>
    public const int FreeTierDailyQuota = 1000;

    private int _transientErrors;

    /// <summary>Initializes a new instance of the <see cref="OmdbEmulator"/> class.</summary>
    public OmdbEmulator()
        : base("omdb")
    {
    }

    /// <summary>Gets or sets how many of the next successful lookups answer HTTP 200 <c>"Error getting data."</c> instead (transient upstream error).</summary>
    public int TransientErrorCount
    {
        get => Volatile.Read(ref _transientErrors);
        set => Volatile.Write(ref _transientErrors, value);
    }

    /// <summary>Starts an OMDb emulator.</summary>
    /// <param name="port">The loopback port to listen on; 0 (the default) picks a free ephemeral port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started emulator.</returns>
    public static Task<OmdbEmulator> StartAsync(int port = 0, CancellationToken cancellationToken = default) => StartAsync<OmdbEmulator>(port, cancellationToken);

    /// <summary>Turns on the free tier's daily quota (1,000 requests per UTC day).</summary>
    public void EnableFreeTierQuota() => DailyQuota = FreeTierDailyQuota;

    /// <inheritdoc/>
    protected override async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/posters/", StringComparison.Ordinal))
        {
            await WriteImageAsync(context).ConfigureAwait(false);
            return;
        }

        var query = context.Request.Query;
        var key = query["apikey"].ToString();
        if (key.Length == 0)
        {
            await WriteErrorAsync(context, 401, "No API key provided.").ConfigureAwait(false);
            return;
        }

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

        if (path != "/")
        {
            await WriteTextAsync(context, 404, "<html><body><h1>404 Not Found</h1></body></html>", "text/html").ConfigureAwait(false);
            return;
        }

        CatalogItem? item;
        if (query.ContainsKey("i"))
        {
            item = MediaCatalog.FindByImdb(query["i"].ToString(), !UnknownIdsAreNotFound);
            if (item is null)
            {
                await WriteErrorAsync(context, 200, "Incorrect IMDb ID.").ConfigureAwait(false);
                return;
            }
        }
        else if (query.ContainsKey("t"))
        {
            int? year = int.TryParse(query["y"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
            item = MediaCatalog.FindByTitle(query["t"].ToString(), year);
            if (item is null || (item.IsSynthetic && UnknownIdsAreNotFound))
            {
                await WriteErrorAsync(context, 200, query["type"] == "series" ? "Series not found!" : "Movie not found!").ConfigureAwait(false);
                return;
            }
        }
        else
        {
            await WriteErrorAsync(context, 200, "Incorrect IMDb ID.").ConfigureAwait(false);
            return;
        }

        if (TryTakeTransientError())
        {
            await WriteErrorAsync(context, 200, "Error getting data.").ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(context, 200, Describe(item, query["plot"] == "full")).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override Task WriteBadKeyAsync(HttpContext context) => WriteErrorAsync(context, 401, "Invalid API key!");

    /// <summary>OMDb has no 429 in reality; this emulator still answers one for generality.</summary>
    /// <param name="context">The request.</param>
    /// <param name="retryAfterSeconds">The Retry-After value.</param>
    /// <param name="overWindow">The exceeded window, if any.</param>
    /// <returns>A task.</returns>
    protected override Task WriteRateLimitedAsync(HttpContext context, int retryAfterSeconds, (int Permits, TimeSpan Window)? overWindow)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return WriteErrorAsync(context, 429, "Request limit reached!");
    }

    /// <inheritdoc/>
    protected override Task WriteQuotaExhaustedAsync(HttpContext context) => WriteErrorAsync(context, 401, "Request limit reached!");

    private static Task WriteErrorAsync(HttpContext context, int status, string error)
        => WriteJsonAsync(context, status, new JsonObject { ["Response"] = "False", ["Error"] = error });

    private static string OrNa(string? value) => string.IsNullOrEmpty(value) ? "N/A" : value;

    private static string Genre(string tmdbGenre) => tmdbGenre switch
    {
        "Science Fiction" or "Sci-Fi & Fantasy" => "Sci-Fi",
        "Action & Adventure" => "Action, Adventure",
        _ => tmdbGenre,
    };

    private bool TryTakeTransientError()
    {
        while (true)
        {
            var left = Volatile.Read(ref _transientErrors);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _transientErrors, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    private JsonObject Describe(CatalogItem item, bool fullPlot)
    {
        var series = item.Kind == MediaKind.Show;
        var released = DateTime.ParseExact(item.ReleaseDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var year = series
            ? Inv($"{item.Year}–{(item.EndDate is null ? string.Empty : item.EndDate[..4])}")
            : item.Year.ToString(CultureInfo.InvariantCulture);
        var imdbRating = item.ImdbRating.ToString("0.0", CultureInfo.InvariantCulture);
        var ratings = new JsonArray(new JsonObject { ["Source"] = "Internet Movie Database", ["Value"] = imdbRating + "/10" });

        // OMDb has no Rotten Tomatoes or Metacritic data for most series.
        if (!series && item.RottenTomatoes is { } rt)
        {
            ratings.Add(new JsonObject { ["Source"] = "Rotten Tomatoes", ["Value"] = Inv($"{rt}%") });
        }

        if (!series && item.Metacritic is { } mc)
        {
            ratings.Add(new JsonObject { ["Source"] = "Metacritic", ["Value"] = Inv($"{mc}/100") });
        }

        var plot = fullPlot ? item.Overview + " What follows changes everyone involved." : item.Overview;
        var body = new JsonObject
        {
            ["Title"] = item.Title,
            ["Year"] = year,
            ["Rated"] = item.Certification,
            ["Released"] = released.ToString("dd MMM yyyy", CultureInfo.InvariantCulture),
            ["Runtime"] = Inv($"{item.Runtime} min"),
            ["Genre"] = string.Join(", ", item.Genres.Select(Genre)),
            ["Director"] = series ? "N/A" : string.Join(", ", item.Directors),
            ["Writer"] = string.Join(", ", item.Writers),
            ["Actors"] = string.Join(", ", item.Cast.Take(3).Select(c => c.Name)),
            ["Plot"] = plot,
            ["Language"] = "English",
            ["Country"] = "United States",
            ["Awards"] = OrNa(item.Awards),
            ["Poster"] = new Uri(RootUrl, "posters/" + item.ImdbId + ".jpg").ToString(),
            ["Ratings"] = ratings,
            ["Metascore"] = !series && item.Metacritic is { } score ? score.ToString(CultureInfo.InvariantCulture) : "N/A",
            ["imdbRating"] = imdbRating,
            ["imdbVotes"] = item.ImdbVotes.ToString("N0", CultureInfo.InvariantCulture),
            ["imdbID"] = item.ImdbId,
            ["Type"] = series ? "series" : "movie",
        };
        if (series)
        {
            body["totalSeasons"] = (item.Seasons ?? 1).ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            body["DVD"] = "N/A";
            body["BoxOffice"] = OrNa(item.BoxOffice);
            body["Production"] = "N/A";
            body["Website"] = "N/A";
        }

        body["Response"] = "True";
        return body;
    }
}
