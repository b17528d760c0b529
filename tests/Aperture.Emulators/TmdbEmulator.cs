using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators.Catalog;
using Microsoft.AspNetCore.Http;

namespace Aperture.Emulators;

/// <summary>
/// TMDb v3 at <c>http://127.0.0.1:port/3</c>: <c>/authentication</c>, <c>/configuration</c>, <c>/movie/{id}</c>,
/// <c>/tv/{id}</c> (with <c>append_to_response</c>), <c>/find/{external_id}</c>, <c>/collection/{id}</c>; images under <c>/t/p/</c>.
/// Auth by <c>api_key</c> query or <c>Authorization: Bearer</c>. Errors carry TMDb's <c>status_code</c> body.
/// </summary>
public sealed class TmdbEmulator : ServiceEmulator
{
    /// <summary>The default valid Read Access Token (JWT-looking), accepted as <c>Authorization: Bearer</c>.</summary>
    public const string ValidBearerToken = "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ0bWRiLWVtdWxhdG9yIn0.valid";

    private static readonly Dictionary<string, int> _genreIds = new(StringComparer.Ordinal)
    {
        ["Action"] = 28, ["Adventure"] = 12, ["Animation"] = 16, ["Comedy"] = 35, ["Crime"] = 80, ["Documentary"] = 99,
        ["Drama"] = 18, ["Family"] = 10751, ["Horror"] = 27, ["Mystery"] = 9648, ["Romance"] = 10749,
        ["Science Fiction"] = 878, ["Thriller"] = 53, ["Sci-Fi & Fantasy"] = 10765, ["Action & Adventure"] = 10759,
    };

    /// <summary>Initializes a new instance of the <see cref="TmdbEmulator"/> class.</summary>
    public TmdbEmulator()
        : base("tmdb")
    {
        ValidKeys.Add(ValidBearerToken);
    }

    /// <inheritdoc/>
    protected override string BasePath => "/3";

    /// <summary>Starts a TMDb emulator.</summary>
    /// <param name="port">The loopback port to listen on; 0 (the default) picks a free ephemeral port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started emulator.</returns>
    public static Task<TmdbEmulator> StartAsync(int port = 0, CancellationToken cancellationToken = default) => StartAsync<TmdbEmulator>(port, cancellationToken);

    /// <inheritdoc/>
    protected override async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/t/p/", StringComparison.Ordinal))
        {
            await WriteImageAsync(context).ConfigureAwait(false);
            return;
        }

        var query = context.Request.Query;
        var apiKey = query.ContainsKey("api_key") ? query["api_key"].ToString() : null;
        var bearer = BearerToken(context);
        if (!(apiKey is not null && ValidKeys.Contains(apiKey)) && !(bearer is not null && ValidKeys.Contains(bearer)))
        {
            await WriteBadKeyAsync(context).ConfigureAwait(false);
            return;
        }

        if (!TryConsumeQuota())
        {
            await WriteQuotaExhaustedAsync(context).ConfigureAwait(false);
            return;
        }

        if (!path.StartsWith("/3/", StringComparison.Ordinal) || !HttpMethods.IsGet(context.Request.Method))
        {
            await WriteNotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        var segments = path[3..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var append = query["append_to_response"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (append.Count > 20)
        {
            await WriteErrorAsync(context, 400, 27, "Too many append to response objects: The maximum number of remote calls is 20.").ConfigureAwait(false);
            return;
        }

        switch (segments)
        {
            case ["authentication"]:
                await WriteJsonAsync(context, 200, new JsonObject { ["success"] = true, ["status_code"] = 1, ["status_message"] = "Success." }).ConfigureAwait(false);
                return;
            case ["configuration"]:
                await WriteJsonAsync(context, 200, Configuration()).ConfigureAwait(false);
                return;
            case ["movie", var id]:
                await WriteItemAsync(context, MediaKind.Movie, id, append).ConfigureAwait(false);
                return;
            case ["tv", var id]:
                await WriteItemAsync(context, MediaKind.Show, id, append).ConfigureAwait(false);
                return;
            case ["find", var externalId]:
                await WriteFindAsync(context, externalId, query["external_source"].ToString()).ConfigureAwait(false);
                return;
            case ["collection", var id]:
                await WriteCollectionAsync(context, id).ConfigureAwait(false);
                return;
            default:
                await WriteNotFoundAsync(context).ConfigureAwait(false);
                return;
        }
    }

    /// <inheritdoc/>
    protected override Task WriteBadKeyAsync(HttpContext context)
        => WriteErrorAsync(context, 401, 7, "Invalid API key: You must be granted a valid key.");

    /// <inheritdoc/>
    protected override Task WriteRateLimitedAsync(HttpContext context, int retryAfterSeconds, (int Permits, TimeSpan Window)? overWindow)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var limit = overWindow?.Permits ?? 40;
        return WriteErrorAsync(context, 429, 25, Inv($"Your request count ({limit + 1}) is over the allowed limit of {limit}."));
    }

    /// <summary>TMDb has no daily quota; its limit answer is the rate-limit answer.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task.</returns>
    protected override Task WriteQuotaExhaustedAsync(HttpContext context)
        => WriteRateLimitedAsync(context, CeilSeconds(RetryAfter), null);

    /// <inheritdoc/>
    protected override Task WriteOutageAsync(HttpContext context)
        => WriteErrorAsync(context, 503, 9, "Service offline: This service is temporarily offline, try again later.");

    private static Task WriteErrorAsync(HttpContext context, int status, int code, string message)
        => WriteJsonAsync(context, status, new JsonObject { ["success"] = false, ["status_code"] = code, ["status_message"] = message });

    private static Task WriteNotFoundAsync(HttpContext context)
        => WriteErrorAsync(context, 404, 34, "The resource you requested could not be found.");

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static JsonArray Genres(CatalogItem item)
        => new(item.Genres.Select(g => (JsonNode?)new JsonObject { ["id"] = _genreIds.GetValueOrDefault(g, MediaCatalog.StableId(g) % 100_000), ["name"] = g }).ToArray());

    private static JsonArray GenreIds(CatalogItem item)
        => new(item.Genres.Select(g => (JsonNode?)JsonValue.Create(_genreIds.GetValueOrDefault(g, MediaCatalog.StableId(g) % 100_000))).ToArray());

    private JsonObject Configuration()
    {
        // Images are served by the emulator itself so nothing reaches image.tmdb.org.
        var images = new Uri(RootUrl, "t/p/").ToString();
        return new JsonObject
        {
            ["images"] = new JsonObject
            {
                ["base_url"] = images,
                ["secure_base_url"] = images,
                ["backdrop_sizes"] = Strings(["w300", "w780", "w1280", "original"]),
                ["logo_sizes"] = Strings(["w45", "w92", "w154", "w185", "w300", "w500", "original"]),
                ["poster_sizes"] = Strings(["w92", "w154", "w185", "w342", "w500", "w780", "original"]),
                ["profile_sizes"] = Strings(["w45", "w185", "h632", "original"]),
                ["still_sizes"] = Strings(["w92", "w185", "w300", "original"]),
            },
            ["change_keys"] = Strings(["adult", "air_date", "also_known_as", "alternative_titles", "biography", "birthday", "budget", "cast", "certifications", "character_names", "created_by", "crew", "deathday", "episode", "episode_number", "episode_run_time", "freebase_id", "freebase_mid", "general", "genres", "guest_stars", "homepage", "images", "imdb_id", "languages", "name", "network", "origin_country", "original_name", "original_title", "overview", "parts", "place_of_birth", "plot_keywords", "production_code", "production_companies", "production_countries", "releases", "revenue", "runtime", "season", "season_number", "season_regular", "spoken_languages", "status", "tagline", "title", "translations", "tvdb_id", "tvrage_id", "type", "video", "videos"]),
        };
    }

    private static JsonObject Summary(CatalogItem item)
    {
        var popularity = Math.Round(5 + ((MediaCatalog.Mix(7, item.TmdbId) % 9000) / 100.0), 3);
        if (item.Kind == MediaKind.Movie)
        {
            return new JsonObject
            {
                ["adult"] = false,
                ["backdrop_path"] = item.BackdropPath,
                ["id"] = item.TmdbId,
                ["title"] = item.Title,
                ["original_title"] = item.Title,
                ["original_language"] = "en",
                ["overview"] = item.Overview,
                ["poster_path"] = item.PosterPath,
                ["media_type"] = "movie",
                ["genre_ids"] = GenreIds(item),
                ["popularity"] = popularity,
                ["release_date"] = item.ReleaseDate,
                ["video"] = false,
                ["vote_average"] = item.TmdbRating,
                ["vote_count"] = item.TmdbVotes,
            };
        }

        return new JsonObject
        {
            ["adult"] = false,
            ["backdrop_path"] = item.BackdropPath,
            ["id"] = item.TmdbId,
            ["name"] = item.Title,
            ["original_name"] = item.Title,
            ["original_language"] = "en",
            ["overview"] = item.Overview,
            ["poster_path"] = item.PosterPath,
            ["media_type"] = "tv",
            ["genre_ids"] = GenreIds(item),
            ["popularity"] = popularity,
            ["first_air_date"] = item.ReleaseDate,
            ["origin_country"] = Strings(["US"]),
            ["vote_average"] = item.TmdbRating,
            ["vote_count"] = item.TmdbVotes,
        };
    }

    private static JsonObject Details(CatalogItem item, ISet<string> append, HttpContext context)
    {
        var details = Summary(item);
        details.Remove("media_type");
        details.Remove("genre_ids");
        details["genres"] = Genres(item);
        details["homepage"] = string.Empty;
        details["status"] = item.Kind == MediaKind.Movie ? "Released" : item.EndDate is null ? "Returning Series" : "Ended";
        details["tagline"] = string.Empty;
        details["spoken_languages"] = new JsonArray(new JsonObject { ["english_name"] = "English", ["iso_639_1"] = "en", ["name"] = "English" });
        if (item.Kind == MediaKind.Movie)
        {
            details["imdb_id"] = item.ImdbId;
            details["runtime"] = item.Runtime;
            details["budget"] = 0;
            details["revenue"] = 0;
            details["belongs_to_collection"] = item.Collection is { } c
                ? new JsonObject { ["id"] = c.Id, ["name"] = c.Name, ["poster_path"] = c.PosterPath, ["backdrop_path"] = c.BackdropPath }
                : null;
        }
        else
        {
            details["created_by"] = new JsonArray(item.Directors.Select(d => (JsonNode?)new JsonObject { ["id"] = MediaCatalog.StableId(d), ["name"] = d, ["original_name"] = d }).ToArray());
            details["episode_run_time"] = new JsonArray(item.Runtime);
            details["in_production"] = item.EndDate is null;
            details["last_air_date"] = item.EndDate ?? "2025-03-20";
            details["number_of_seasons"] = item.Seasons;
            details["number_of_episodes"] = item.Episodes;
            details["networks"] = new JsonArray(new JsonObject { ["id"] = MediaCatalog.StableId(item.Network ?? "Network") % 10_000, ["name"] = item.Network, ["origin_country"] = "US" });
            details["type"] = "Scripted";
        }

        if (append.Contains("keywords"))
        {
            // Movies list keywords under "keywords", TV under "results" (a real TMDb quirk).
            var keywords = new JsonArray(item.Keywords.Select(k => (JsonNode?)new JsonObject { ["id"] = MediaCatalog.StableId(k) % 400_000, ["name"] = k }).ToArray());
            details["keywords"] = new JsonObject { [item.Kind == MediaKind.Movie ? "keywords" : "results"] = keywords };
        }

        if (append.Contains("credits"))
        {
            details["credits"] = Credits(item);
        }

        if (append.Contains("aggregate_credits") && item.Kind == MediaKind.Show)
        {
            details["aggregate_credits"] = AggregateCredits(item);
        }

        if (append.Contains("images"))
        {
            details["images"] = Images(item, context);
        }

        if (append.Contains("external_ids"))
        {
            details["external_ids"] = item.Kind == MediaKind.Movie
                ? new JsonObject { ["id"] = item.TmdbId, ["imdb_id"] = item.ImdbId, ["wikidata_id"] = null, ["facebook_id"] = null, ["instagram_id"] = null, ["twitter_id"] = null }
                : new JsonObject { ["id"] = item.TmdbId, ["imdb_id"] = item.ImdbId, ["freebase_mid"] = null, ["freebase_id"] = null, ["tvdb_id"] = item.TvdbId, ["tvrage_id"] = null, ["wikidata_id"] = null, ["facebook_id"] = null, ["instagram_id"] = null, ["twitter_id"] = null };
        }

        if (append.Contains("release_dates") && item.Kind == MediaKind.Movie)
        {
            details["release_dates"] = new JsonObject
            {
                ["results"] = new JsonArray(new JsonObject
                {
                    ["iso_3166_1"] = "US",
                    ["release_dates"] = new JsonArray(new JsonObject
                    {
                        ["certification"] = item.Certification,
                        ["descriptors"] = new JsonArray(),
                        ["iso_639_1"] = string.Empty,
                        ["note"] = string.Empty,
                        ["release_date"] = item.ReleaseDate + "T00:00:00.000Z",
                        ["type"] = 3,
                    }),
                }),
            };
        }

        if (append.Contains("content_ratings") && item.Kind == MediaKind.Show)
        {
            details["content_ratings"] = new JsonObject
            {
                ["results"] = new JsonArray(new JsonObject { ["descriptors"] = new JsonArray(), ["iso_3166_1"] = "US", ["rating"] = item.Certification }),
            };
        }

        return details;
    }

    private static JsonObject Person(string name, string department)
    {
        var id = MediaCatalog.StableId(name);
        return new JsonObject
        {
            ["adult"] = false,
            ["gender"] = 0,
            ["id"] = id,
            ["known_for_department"] = department,
            ["name"] = name,
            ["original_name"] = name,
            ["popularity"] = Math.Round(1 + ((id % 5000) / 100.0), 3),
            ["profile_path"] = Inv($"/person-{id}.jpg"),
        };
    }

    private static IEnumerable<(string Name, string Department, string Job)> Crew(CatalogItem item)
    {
        foreach (var director in item.Directors)
        {
            yield return (director, item.Kind == MediaKind.Movie ? "Directing" : "Production", item.Kind == MediaKind.Movie ? "Director" : "Executive Producer");
        }

        foreach (var writer in item.Writers)
        {
            yield return (writer, "Writing", item.Kind == MediaKind.Movie ? "Screenplay" : "Writer");
        }

        yield return (item.Cinematographer, "Camera", "Director of Photography");
        yield return (item.Composer, "Sound", "Original Music Composer");
        yield return (item.Editor, "Editing", "Editor");
    }

    private static JsonObject Credits(CatalogItem item)
    {
        var cast = item.Cast.Select((member, order) =>
        {
            var person = Person(member.Name, "Acting");
            person["cast_id"] = order + 1;
            person["character"] = member.Character;
            person["credit_id"] = Inv($"c{item.TmdbId:x}{order:x4}cast");
            person["order"] = order;
            return (JsonNode?)person;
        });
        var crew = Crew(item).Select((c, i) =>
        {
            var person = Person(c.Name, c.Department);
            person["credit_id"] = Inv($"c{item.TmdbId:x}{i:x4}crew");
            person["department"] = c.Department;
            person["job"] = c.Job;
            return (JsonNode?)person;
        });
        return new JsonObject { ["id"] = item.TmdbId, ["cast"] = new JsonArray(cast.ToArray()), ["crew"] = new JsonArray(crew.ToArray()) };
    }

    private static JsonObject AggregateCredits(CatalogItem item)
    {
        var episodes = item.Episodes ?? 10;
        var cast = item.Cast.Select((member, order) =>
        {
            var person = Person(member.Name, "Acting");
            person["roles"] = new JsonArray(new JsonObject { ["credit_id"] = Inv($"a{item.TmdbId:x}{order:x4}cast"), ["character"] = member.Character, ["episode_count"] = episodes - order });
            person["total_episode_count"] = episodes - order;
            person["order"] = order;
            return (JsonNode?)person;
        });
        var crew = Crew(item).Select((c, i) =>
        {
            var person = Person(c.Name, c.Department);
            person["jobs"] = new JsonArray(new JsonObject { ["credit_id"] = Inv($"a{item.TmdbId:x}{i:x4}crew"), ["job"] = c.Job, ["episode_count"] = episodes });
            person["department"] = c.Department;
            person["total_episode_count"] = episodes;
            return (JsonNode?)person;
        });
        return new JsonObject { ["id"] = item.TmdbId, ["cast"] = new JsonArray(cast.ToArray()), ["crew"] = new JsonArray(crew.ToArray()) };
    }

    private static JsonObject Images(CatalogItem item, HttpContext context)
    {
        // Without include_image_language TMDb returns only images in the request language (default en),
        // so language-neutral backdrops are missing unless the client asks for "null" too.
        var query = context.Request.Query;
        var language = query["language"].ToString() is { Length: >= 2 } lang ? lang[..2] : "en";
        var wanted = query.ContainsKey("include_image_language")
            ? query["include_image_language"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            : [language];
        var slug = item.PosterPath.TrimStart('/').Replace("-poster.jpg", string.Empty, StringComparison.Ordinal);
        var h = MediaCatalog.Mix(11, item.TmdbId);

        JsonArray Set(string kind, string extension, (string? Lang, int Width, int Height)[] entries)
        {
            var list = entries.Select((e, i) => (e, i)).Where(x => wanted.Contains(x.e.Lang ?? "null")).Select(x => (JsonNode?)new JsonObject
            {
                ["aspect_ratio"] = Math.Round((double)x.e.Width / x.e.Height, 3),
                ["height"] = x.e.Height,
                ["iso_639_1"] = x.e.Lang,
                ["file_path"] = Inv($"/{slug}-{kind}-{x.i + 1}{extension}"),
                ["vote_average"] = Math.Round(4 + (((h >> (x.i * 3)) % 20) / 10.0), 3),
                ["vote_count"] = (int)((h >> x.i) % 40),
                ["width"] = x.e.Width,
            });
            return new JsonArray(list.ToArray());
        }

        return new JsonObject
        {
            ["backdrops"] = Set("backdrop", ".jpg", [(null, 3840, 2160), (null, 1920, 1080), ("en", 1920, 1080)]),
            ["logos"] = Set("logo", ".png", [("en", 1000, 400), ("de", 800, 320)]),
            ["posters"] = Set("poster", ".jpg", [("en", 2000, 3000), (null, 2000, 3000), ("de", 1000, 1500)]),
        };
    }

    private async Task WriteItemAsync(HttpContext context, MediaKind kind, string id, ISet<string> append)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var tmdbId) || tmdbId <= 0)
        {
            await WriteErrorAsync(context, 404, 6, "Invalid id: The pre-requisite id is invalid or not found.").ConfigureAwait(false);
            return;
        }

        var item = MediaCatalog.FindByTmdb(kind, tmdbId, !UnknownIdsAreNotFound);
        if (item is null)
        {
            await WriteNotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(context, 200, Details(item, append, context)).ConfigureAwait(false);
    }

    private async Task WriteFindAsync(HttpContext context, string externalId, string source)
    {
        CatalogItem? item;
        switch (source)
        {
            case "imdb_id":
                item = MediaCatalog.FindByImdb(externalId, !UnknownIdsAreNotFound);
                break;
            case "tvdb_id":
                item = int.TryParse(externalId, NumberStyles.None, CultureInfo.InvariantCulture, out var tvdb) ? MediaCatalog.FindByTvdb(tvdb, !UnknownIdsAreNotFound) : null;
                break;
            default:
                await WriteErrorAsync(context, 400, 5, "Invalid parameters: Your request parameters are incorrect.").ConfigureAwait(false);
                return;
        }

        var movies = new JsonArray();
        var shows = new JsonArray();
        if (item is not null)
        {
            var results = item.Kind == MediaKind.Movie ? movies : shows;
            results.Add(Summary(item));
        }

        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["movie_results"] = movies,
            ["person_results"] = new JsonArray(),
            ["tv_results"] = shows,
            ["tv_episode_results"] = new JsonArray(),
            ["tv_season_results"] = new JsonArray(),
        }).ConfigureAwait(false);
    }

    private async Task WriteCollectionAsync(HttpContext context, string id)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var collectionId) || collectionId <= 0)
        {
            await WriteErrorAsync(context, 404, 6, "Invalid id: The pre-requisite id is invalid or not found.").ConfigureAwait(false);
            return;
        }

        var collection = MediaCatalog.FindCollection(collectionId, !UnknownIdsAreNotFound);
        if (collection is null)
        {
            await WriteNotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        var parts = collection.Parts.Select(p =>
        {
            var known = MediaCatalog.FindByTmdb(MediaKind.Movie, p.TmdbId, synthesize: false);
            return (JsonNode?)new JsonObject
            {
                ["adult"] = false,
                ["backdrop_path"] = known?.BackdropPath ?? Inv($"/movie-{p.TmdbId}-backdrop.jpg"),
                ["id"] = p.TmdbId,
                ["title"] = p.Title,
                ["original_title"] = p.Title,
                ["original_language"] = "en",
                ["overview"] = known?.Overview ?? string.Empty,
                ["poster_path"] = known?.PosterPath ?? Inv($"/movie-{p.TmdbId}-poster.jpg"),
                ["media_type"] = "movie",
                ["release_date"] = p.ReleaseDate,
                ["video"] = false,
            };
        });
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["id"] = collection.Id,
            ["name"] = collection.Name,
            ["overview"] = Inv($"The films of the {collection.Name}."),
            ["poster_path"] = collection.PosterPath,
            ["backdrop_path"] = collection.BackdropPath,
            ["parts"] = new JsonArray(parts.ToArray()),
        }).ConfigureAwait(false);
    }
}
