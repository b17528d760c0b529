using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Aperture.Emulators.Catalog;
using Microsoft.AspNetCore.Http;

namespace Aperture.Emulators;

/// <summary>
/// Seerr's users, quotas and requests, kept as state: <c>GET /user</c> (paged), <c>GET /user/{id}/quota</c> and
/// <c>POST /request</c> with Seerr's rules: a body <c>userId</c> needs MANAGE_USERS or MANAGE_REQUESTS on the acting
/// user (ADMIN implies all); the target user needs REQUEST or REQUEST_MOVIE / REQUEST_TV (403 otherwise); a blocklisted
/// title is 403, a title already requested or available is 409, a spent quota is 403.
/// </summary>
public sealed partial class SeerrEmulator
{
    private const long Admin = 2;
    private const long ManageUsers = 8;
    private const long ManageRequests = 16;
    private const long Request = 32;
    private const long AutoApprove = 128;
    private const long Request4k = 1024;
    private const long Request4kMovie = 2048;
    private const long Request4kTv = 4096;
    private const long RequestAdvanced = 131072;
    private const long RequestMovie = 262144;
    private const long RequestTv = 524288;

    private readonly ConcurrentDictionary<int, SeerrUserProfile> _users = new();
    private readonly List<SeerrCreatedRequest> _requests = [];
    private readonly object _requestsLock = new();

    /// <summary>Gets or sets a value indicating whether <c>/settings/public</c> reports a media server type (false: answers like Overseerr).</summary>
    public bool ReportsMediaServerType { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether a 4K Radarr and a 4K Sonarr server exist beside the regular ones.</summary>
    public bool Has4kServers { get; set; } = true;

    /// <summary>Gets the requests created so far, in order.</summary>
    public IReadOnlyList<SeerrCreatedRequest> CreatedRequests
    {
        get
        {
            lock (_requestsLock)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Adds a Seerr user.</summary>
    /// <param name="username">The user name (also the Jellyfin user name Seerr shows).</param>
    /// <param name="email">The email, or null for Seerr's default (the user name).</param>
    /// <param name="jellyfinUserId">The Jellyfin user id Seerr stores (32 hex digits, no dashes), or null.</param>
    /// <param name="permissions">The permission bits.</param>
    /// <param name="movieQuotaLimit">Movie requests allowed per 7 days, or null for no limit.</param>
    /// <returns>The new user's id.</returns>
    public int AddUser(string username, string? email, string? jellyfinUserId, long permissions, int? movieQuotaLimit = null)
    {
        var id = _users.Keys.DefaultIfEmpty(0).Max() + 1;
        _users[id] = new SeerrUserProfile(username, email ?? username, jellyfinUserId, permissions, movieQuotaLimit, null);
        return id;
    }

    /// <summary>Changes a user's permission bits.</summary>
    /// <param name="id">The Seerr user id.</param>
    /// <param name="permissions">The bits.</param>
    public void SetPermissions(int id, long permissions) => _users[id] = _users[id] with { Permissions = permissions };

    private static bool Has(long bits, long permission) => (bits & Admin) != 0 || (bits & permission) != 0;

    private void ResetUsers()
    {
        Has4kServers = true;
        _users.Clear();
        foreach (var (id, name) in new[] { (1, "admin"), (2, "alice"), (3, "bob") })
        {
            var jellyfinId = MediaCatalog.Mix(5, id).ToString("x8", CultureInfo.InvariantCulture) + "00000000000000000000000" + id.ToString(CultureInfo.InvariantCulture);
            _users[id] = new SeerrUserProfile(name, name + "@example.com", jellyfinId, id == 1 ? Admin : Request, null, null);
        }

        lock (_requestsLock)
        {
            _requests.Clear();
        }
    }

    private async Task WriteUsersAsync(HttpContext context)
    {
        var take = int.TryParse(context.Request.Query["take"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : 10;
        var skip = int.TryParse(context.Request.Query["skip"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var ids = _users.Keys.Order().ToList();
        var page = new JsonArray();
        foreach (var id in ids.Skip(skip).Take(take))
        {
            page.Add(User(id));
        }

        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["pageInfo"] = new JsonObject { ["pages"] = (ids.Count + take - 1) / take, ["pageSize"] = take, ["results"] = ids.Count, ["page"] = (skip / take) + 1 },
            ["results"] = page,
        }).ConfigureAwait(false);
    }

    private async Task WriteQuotaAsync(HttpContext context, string id)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) || !_users.TryGetValue(userId, out var user))
        {
            await WriteJsonAsync(context, 404, new JsonObject { ["message"] = "User not found." }).ConfigureAwait(false);
            return;
        }

        int Used(string type)
        {
            lock (_requestsLock)
            {
                return _requests.Count(r => r.UserId == userId && r.MediaType == type);
            }
        }

        JsonObject Quota(int? limit, string type) => new()
        {
            ["days"] = limit is null ? null : 7,
            ["limit"] = limit,
            ["used"] = Used(type),
            ["remaining"] = limit is { } l ? Math.Max(0, l - Used(type)) : null,
            ["restricted"] = limit is { } m && Used(type) >= m,
        };

        await WriteJsonAsync(context, 200, new JsonObject { ["movie"] = Quota(user.MovieQuotaLimit, "movie"), ["tv"] = Quota(user.TvQuotaLimit, "tv") }).ConfigureAwait(false);
    }

    private async Task CreateRequestAsync(HttpContext context, int actingUserId)
    {
        var body = await ReadJsonAsync(context).ConfigureAwait(false) as JsonObject;
        var mediaType = body?["mediaType"]?.GetValue<string>();
        if (body is null || mediaType is not ("movie" or "tv") || body["mediaId"] is not JsonValue mediaIdValue || !mediaIdValue.TryGetValue<int>(out var tmdbId))
        {
            await WriteJsonAsync(context, 400, new JsonObject { ["message"] = "request.body.mediaType should be equal to one of the allowed values" }).ConfigureAwait(false);
            return;
        }

        var acting = _users[actingUserId];
        var targetId = actingUserId;
        if (body["userId"] is JsonValue userIdValue && userIdValue.TryGetValue<int>(out var bodyUserId))
        {
            if (!Has(acting.Permissions, ManageUsers | ManageRequests))
            {
                await WriteJsonAsync(context, 403, new JsonObject { ["message"] = "You do not have permission to make requests on behalf of other users." }).ConfigureAwait(false);
                return;
            }

            if (!_users.ContainsKey(bodyUserId))
            {
                await WriteJsonAsync(context, 404, new JsonObject { ["message"] = "User not found." }).ConfigureAwait(false);
                return;
            }

            targetId = bodyUserId;
        }

        var target = _users[targetId];
        var movie = mediaType == "movie";
        if (!Has(target.Permissions, Request | (movie ? RequestMovie : RequestTv)))
        {
            await WriteJsonAsync(context, 403, new JsonObject { ["message"] = movie ? "You do not have permission to request movies." : "You do not have permission to request series." }).ConfigureAwait(false);
            return;
        }

        // Like Seerr: 4K needs REQUEST_4K or the kind's 4K bit, and server/profile/folder need REQUEST_ADVANCED or MANAGE_REQUESTS.
        var is4k = body["is4k"] is JsonValue is4kValue && is4kValue.TryGetValue<bool>(out var flag) && flag;
        if (is4k && !Has(target.Permissions, Request4k | (movie ? Request4kMovie : Request4kTv)))
        {
            await WriteJsonAsync(context, 403, new JsonObject { ["message"] = "You do not have permission to make 4K requests." }).ConfigureAwait(false);
            return;
        }

        int? serverId = body["serverId"] is JsonValue sv && sv.TryGetValue<int>(out var sid) ? sid : null;
        int? profileId = body["profileId"] is JsonValue pv && pv.TryGetValue<int>(out var pid) ? pid : null;
        var rootFolder = body["rootFolder"] is JsonValue rv && rv.TryGetValue<string>(out var folder) ? folder : null;
        if ((serverId is not null || profileId is not null || rootFolder is not null) && !Has(target.Permissions, RequestAdvanced | ManageRequests))
        {
            await WriteJsonAsync(context, 403, new JsonObject { ["message"] = "You do not have permission to make advanced requests." }).ConfigureAwait(false);
            return;
        }

        var kind = movie ? MediaKind.Movie : MediaKind.Show;
        var known = _media.TryGetValue((kind, tmdbId), out var state);
        if (known && state.Status == 6)
        {
            await WriteJsonAsync(context, 403, new JsonObject { ["message"] = "This media is blocklisted." }).ConfigureAwait(false);
            return;
        }

        var limit = movie ? target.MovieQuotaLimit : target.TvQuotaLimit;
        SeerrCreatedRequest created;
        lock (_requestsLock)
        {
            if ((known && (is4k ? state.Status4k : state.Status) is 2 or 3 or 5) || _requests.Any(r => r.MediaType == mediaType && r.TmdbId == tmdbId && r.Is4k == is4k))
            {
                created = null!;
            }
            else if (limit is { } l && _requests.Count(r => r.UserId == targetId && r.MediaType == mediaType) >= l)
            {
                created = null!;
                limit = -1;
            }
            else
            {
                var seasons = body["seasons"] switch
                {
                    JsonValue all when all.TryGetValue<string>(out var text) && text == "all" => "all",
                    JsonArray list => string.Join(',', list.Select(n => n!.GetValue<int>())),
                    _ => string.Empty,
                };
                var approved = Has(target.Permissions, AutoApprove);
                created = new SeerrCreatedRequest(_requests.Count + 1, targetId, actingUserId, mediaType, tmdbId, seasons, approved ? 2 : 1)
                {
                    ServerId = serverId,
                    ProfileId = profileId,
                    RootFolder = rootFolder,
                    Is4k = is4k,
                };
                _requests.Add(created);
                var before = known ? state : (Status: 1, Status4k: 1);
                _media[(kind, tmdbId)] = is4k ? (before.Status, approved ? 3 : 2) : (approved ? 3 : 2, before.Status4k);
            }
        }

        if (created is null)
        {
            await WriteJsonAsync(context, limit == -1 ? 403 : 409, new JsonObject
            {
                ["message"] = limit == -1 ? (movie ? "Movie Quota exceeded." : "Series Quota exceeded.") : "Request for this media already exists.",
            }).ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(context, 201, new JsonObject
        {
            ["id"] = created.Id,
            ["status"] = created.Status,
            ["type"] = mediaType,
            ["is4k"] = is4k,
            ["media"] = new JsonObject { ["tmdbId"] = tmdbId, ["mediaType"] = mediaType, ["status"] = created.Status == 2 ? 3 : 2 },
            ["requestedBy"] = User(targetId),
            ["createdAt"] = _created.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        }).ConfigureAwait(false);
    }

    private async Task WriteServicesAsync(HttpContext context, bool radarr)
    {
        var name = radarr ? "Radarr" : "Sonarr";
        var servers = new JsonArray
        {
            new JsonObject { ["id"] = 0, ["name"] = name, ["is4k"] = false, ["isDefault"] = true, ["activeProfileId"] = 4, ["activeDirectory"] = radarr ? "/movies" : "/tv" },
        };
        if (Has4kServers)
        {
            servers.Add(new JsonObject { ["id"] = 1, ["name"] = name + " 4K", ["is4k"] = true, ["isDefault"] = true, ["activeProfileId"] = 5, ["activeDirectory"] = radarr ? "/movies-4k" : "/tv-4k" });
        }

        await WriteJsonAsync(context, 200, servers).ConfigureAwait(false);
    }

    private async Task WriteServiceAsync(HttpContext context, bool radarr, string id)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var serverId) || serverId > (Has4kServers ? 1 : 0))
        {
            await WriteJsonAsync(context, 404, new JsonObject { ["message"] = "Server not found." }).ConfigureAwait(false);
            return;
        }

        var four = serverId == 1;
        var root = radarr ? "/movies" : "/tv";
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["server"] = new JsonObject { ["id"] = serverId, ["name"] = (radarr ? "Radarr" : "Sonarr") + (four ? " 4K" : string.Empty), ["is4k"] = four, ["isDefault"] = true },
            ["profiles"] = new JsonArray
            {
                new JsonObject { ["id"] = four ? 5 : 4, ["name"] = four ? "Ultra-HD" : "HD-1080p" },
                new JsonObject { ["id"] = 6, ["name"] = "Any" },
            },
            ["rootFolders"] = new JsonArray
            {
                new JsonObject { ["id"] = 1, ["freeSpace"] = 1_000_000_000L, ["path"] = root + (four ? "-4k" : string.Empty) },
                new JsonObject { ["id"] = 2, ["freeSpace"] = 1_000_000_000L, ["path"] = root + "-kids" },
            },
            ["tags"] = new JsonArray(),
        }).ConfigureAwait(false);
    }

    private sealed record SeerrUserProfile(string Username, string Email, string? JellyfinUserId, long Permissions, int? MovieQuotaLimit, int? TvQuotaLimit);
}
