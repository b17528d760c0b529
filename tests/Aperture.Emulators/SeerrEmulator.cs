using System;
using System.Collections.Concurrent;
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
/// Seerr/Jellyseerr at <c>http://127.0.0.1:port</c> (clients append <c>/api/v1/…</c>). <c>/status</c> and
/// <c>/settings/public</c> are public; everything else needs <c>X-Api-Key</c> (optionally <c>X-Api-User</c>), and a
/// missing or wrong key is <b>403</b>, never 401. <c>/movie/{tmdbId}</c> and <c>/tv/{tmdbId}</c> carry <c>mediaInfo</c>
/// for titles Seerr has seen; <c>/tv/{tmdbId}</c> lists <c>seasons</c> (season 0, specials, first, as TMDb does).
/// </summary>
public sealed partial class SeerrEmulator : ServiceEmulator
{
    private static readonly DateTimeOffset _created = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ConcurrentDictionary<(MediaKind Kind, int TmdbId), (int Status, int Status4k)> _media = new();

    /// <summary>Initializes a new instance of the <see cref="SeerrEmulator"/> class.</summary>
    public SeerrEmulator()
        : base("seerr")
    {
        ResetMedia();
        ResetUsers();
    }

    /// <summary>Gets or sets a value indicating whether a login proxy sits in front: every <c>/api/</c> call is a 302 to <c>/login</c>.</summary>
    public bool ProxyRedirect { get; set; }

    /// <summary>Gets or sets the version reported by <c>/api/v1/status</c>.</summary>
    public string Version { get; set; } = "2.7.3";

    /// <summary>Gets the users (id → username); user 1 is the admin the API key acts as.</summary>
    public IReadOnlyDictionary<int, string> Users => _users.ToDictionary(u => u.Key, u => u.Value.Username);

    /// <summary>Starts a Seerr emulator.</summary>
    /// <param name="port">The loopback port to listen on; 0 (the default) picks a free ephemeral port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started emulator.</returns>
    public static Task<SeerrEmulator> StartAsync(int port = 0, CancellationToken cancellationToken = default) => StartAsync<SeerrEmulator>(port, cancellationToken);

    /// <summary>Sets the availability Seerr reports for a title (MediaStatus: 1 unknown … 5 available, 6 blocklisted, 7 deleted).</summary>
    /// <param name="kind">Movie or show.</param>
    /// <param name="tmdbId">The TMDb id.</param>
    /// <param name="status">The status.</param>
    /// <param name="status4k">The 4K status.</param>
    public void SetMediaStatus(MediaKind kind, int tmdbId, int status, int status4k = 1) => _media[(kind, tmdbId)] = (status, status4k);

    /// <summary>Forgets a title, so its details carry no <c>mediaInfo</c>.</summary>
    /// <param name="kind">Movie or show.</param>
    /// <param name="tmdbId">The TMDb id.</param>
    public void ForgetMedia(MediaKind kind, int tmdbId) => _media.TryRemove((kind, tmdbId), out _);

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        ResetMedia();
        ResetUsers();
    }

    /// <inheritdoc/>
    protected override async Task<bool> PreFilterAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == "/login")
        {
            await WriteTextAsync(context, 200, "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form method=\"post\"><input name=\"username\"><input name=\"password\" type=\"password\"></form></body></html>", "text/html; charset=utf-8").ConfigureAwait(false);
            return true;
        }

        if (ProxyRedirect && path.StartsWith("/api/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "/login?rd=" + Uri.EscapeDataString(path);
            context.Response.ContentLength = 0;
            return true;
        }

        return false;
    }

    /// <inheritdoc/>
    protected override async Task ServeAsync(HttpContext context)
    {
        var path = (context.Request.Path.Value ?? "/").TrimEnd('/');
        var get = HttpMethods.IsGet(context.Request.Method);
        if (get && path == "/api/v1/status")
        {
            await WriteJsonAsync(context, 200, new JsonObject
            {
                ["version"] = Version,
                ["commitTag"] = "v" + Version,
                ["updateAvailable"] = false,
                ["commitsBehind"] = 0,
                ["restartRequired"] = false,
            }).ConfigureAwait(false);
            return;
        }

        if (get && path == "/api/v1/settings/public")
        {
            await WriteJsonAsync(context, 200, new JsonObject
            {
                ["initialized"] = true,
                ["applicationTitle"] = "Seerr",
                ["applicationUrl"] = string.Empty,
                ["mediaServerType"] = ReportsMediaServerType ? 2 : null,
                ["jellyfinServerName"] = "Jellyfin",
                ["localLogin"] = true,
                ["movie4kEnabled"] = false,
                ["series4kEnabled"] = false,
                ["partialRequestsEnabled"] = true,
                ["locale"] = "en",
            }).ConfigureAwait(false);
            return;
        }

        if (!path.StartsWith("/api/v1/", StringComparison.Ordinal))
        {
            await WriteTextAsync(context, 404, "<!DOCTYPE html><html><body>Not Found</body></html>", "text/html; charset=utf-8").ConfigureAwait(false);
            return;
        }

        var key = context.Request.Headers["X-Api-Key"].ToString();
        var userId = 1;
        if (!ValidKeys.Contains(key)
            || (context.Request.Headers.ContainsKey("X-Api-User")
                && (!int.TryParse(context.Request.Headers["X-Api-User"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out userId) || !Users.ContainsKey(userId))))
        {
            await WriteBadKeyAsync(context).ConfigureAwait(false);
            return;
        }

        if (!TryConsumeQuota())
        {
            await WriteQuotaExhaustedAsync(context).ConfigureAwait(false);
            return;
        }

        var segments = path["/api/v1/".Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["auth", "me"] when get:
                await WriteJsonAsync(context, 200, User(userId)).ConfigureAwait(false);
                return;
            case ["user"] when get:
                await WriteUsersAsync(context).ConfigureAwait(false);
                return;
            case ["user", var id, "quota"] when get:
                await WriteQuotaAsync(context, id).ConfigureAwait(false);
                return;
            case ["request"] when HttpMethods.IsPost(context.Request.Method):
                await CreateRequestAsync(context, userId).ConfigureAwait(false);
                return;
            case ["service", var service] when get && service is "radarr" or "sonarr":
                await WriteServicesAsync(context, service == "radarr").ConfigureAwait(false);
                return;
            case ["service", var service, var id] when get && service is "radarr" or "sonarr":
                await WriteServiceAsync(context, service == "radarr", id).ConfigureAwait(false);
                return;
            case ["movie", var id] when get:
                await WriteMediaAsync(context, MediaKind.Movie, id).ConfigureAwait(false);
                return;
            case ["tv", var id] when get:
                await WriteMediaAsync(context, MediaKind.Show, id).ConfigureAwait(false);
                return;
            default:
                await WriteJsonAsync(context, 404, new JsonObject { ["message"] = "Not Found", ["errors"] = new JsonArray() }).ConfigureAwait(false);
                return;
        }
    }

    /// <inheritdoc/>
    protected override Task WriteBadKeyAsync(HttpContext context)
        => WriteJsonAsync(context, 403, new JsonObject { ["status"] = 403, ["error"] = "You do not have permission to access this endpoint" });

    /// <inheritdoc/>
    protected override Task WriteRateLimitedAsync(HttpContext context, int retryAfterSeconds, (int Permits, TimeSpan Window)? overWindow)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return WriteJsonAsync(context, 429, new JsonObject { ["message"] = "Too many requests, please try again later.", ["errors"] = new JsonArray() });
    }

    /// <summary>Seerr's own quota answer is a request quota: 403 <c>QuotaRestrictedError</c>.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task.</returns>
    protected override Task WriteQuotaExhaustedAsync(HttpContext context)
        => WriteJsonAsync(context, 403, new JsonObject { ["message"] = "Movie Quota exceeded.", ["errors"] = new JsonArray() });

    private static JsonObject Requester(int id, string name) => new()
    {
        ["id"] = id,
        ["username"] = name,
        ["displayName"] = name,
        ["email"] = name + "@example.com",
        ["userType"] = 3,
    };

    private JsonObject User(int id)
    {
        var user = _users[id];
        return new JsonObject
        {
            ["id"] = id,
            ["email"] = user.Email,
            ["username"] = user.Username,
            ["jellyfinUsername"] = user.Username,
            ["jellyfinUserId"] = user.JellyfinUserId,
            ["permissions"] = user.Permissions,
            ["userType"] = 3,
            ["displayName"] = user.Username,
            ["avatar"] = "/avatarproxy/" + user.Username,
            ["requestCount"] = _requests.Count(r => r.UserId == id) + (id == 2 ? 1 : 0),
            ["movieQuotaLimit"] = user.MovieQuotaLimit,
            ["movieQuotaDays"] = user.MovieQuotaLimit is null ? null : 7,
            ["tvQuotaLimit"] = user.TvQuotaLimit,
            ["tvQuotaDays"] = user.TvQuotaLimit is null ? null : 7,
            ["createdAt"] = _created.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["updatedAt"] = _created.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
    }

    private void ResetMedia()
    {
        _media.Clear();
        SetMediaStatus(MediaKind.Movie, 603, 5);
        SetMediaStatus(MediaKind.Movie, 27205, 2);
        SetMediaStatus(MediaKind.Show, 1396, 4);
        SetMediaStatus(MediaKind.Show, 95396, 3);
    }

    private async Task WriteMediaAsync(HttpContext context, MediaKind kind, string id)
    {
        var item = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var tmdbId)
            ? MediaCatalog.FindByTmdb(kind, tmdbId, !UnknownIdsAreNotFound)
            : null;
        if (item is null)
        {
            await WriteJsonAsync(context, 404, new JsonObject { ["message"] = kind == MediaKind.Movie ? "Movie not found." : "TV show not found.", ["errors"] = new JsonArray() }).ConfigureAwait(false);
            return;
        }

        var movie = kind == MediaKind.Movie;
        var body = new JsonObject
        {
            ["id"] = item.TmdbId,
            [movie ? "title" : "name"] = item.Title,
            [movie ? "releaseDate" : "firstAirDate"] = item.ReleaseDate,
            ["overview"] = item.Overview,
            ["posterPath"] = item.PosterPath,
            ["backdropPath"] = item.BackdropPath,
            ["voteAverage"] = item.TmdbRating,
            ["externalIds"] = new JsonObject { ["imdbId"] = item.ImdbId, ["tvdbId"] = item.TvdbId },
        };
        if (!movie)
        {
            // Seerr (from TMDb) lists season 0, the specials, first when the series has any.
            var seasons = new JsonArray { new JsonObject { ["id"] = (item.TmdbId * 100) + 0, ["seasonNumber"] = 0, ["name"] = "Specials", ["episodeCount"] = 1 } };
            for (var n = 1; n <= (item.Seasons ?? 1); n++)
            {
                seasons.Add(new JsonObject { ["id"] = (item.TmdbId * 100) + n, ["seasonNumber"] = n, ["name"] = "Season " + n.ToString(CultureInfo.InvariantCulture), ["episodeCount"] = 8 });
            }

            body["seasons"] = seasons;
            body["numberOfSeasons"] = item.Seasons ?? 1;
        }

        if (_media.TryGetValue((kind, item.TmdbId), out var state))
        {
            var requests = new JsonArray();
            if (state.Status is 2 or 3)
            {
                requests.Add(new JsonObject
                {
                    ["id"] = item.TmdbId % 1000,
                    ["status"] = state.Status == 2 ? 1 : 2,
                    ["type"] = movie ? "movie" : "tv",
                    ["is4k"] = false,
                    ["createdAt"] = _created.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    ["requestedBy"] = Requester(2, Users[2]),
                });
            }

            body["mediaInfo"] = new JsonObject
            {
                ["id"] = item.TmdbId % 1000,
                ["tmdbId"] = item.TmdbId,
                ["tvdbId"] = item.TvdbId,
                ["mediaType"] = movie ? "movie" : "tv",
                ["status"] = state.Status,
                ["status4k"] = state.Status4k,
                ["requests"] = requests,
            };
        }

        await WriteJsonAsync(context, 200, body).ConfigureAwait(false);
    }
}
