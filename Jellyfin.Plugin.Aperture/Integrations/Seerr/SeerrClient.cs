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

namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>
/// The calls Discovery makes to Seerr with the saved admin API key. The key acts as Seerr's user 1; a request is
/// credited to a Jellyfin user's Seerr account through the body's <c>userId</c>, which Seerr allows only when the
/// key's user holds Admin, Manage Users or Manage Requests.
/// </summary>
public sealed class SeerrClient
{
    private const int UsersPage = 100;
    private const string NotConfiguredMessage = "Seerr is not set up: save its address and API key on the Aperture settings page.";
    private readonly IUpstreamPipeline _pipeline;
    private readonly StoredTargets _targets;

    /// <summary>Initializes a new instance of the <see cref="SeerrClient"/> class.</summary>
    /// <param name="pipeline">The upstream pipeline.</param>
    /// <param name="targets">The saved Seerr address and key.</param>
    public SeerrClient(IUpstreamPipeline pipeline, StoredTargets targets)
    {
        _pipeline = pipeline;
        _targets = targets;
    }

    /// <summary>Gets a value indicating whether Seerr's address and key are saved.</summary>
    public bool IsConfigured => _targets.Get(IntegrationIds.Seerr, "apiKey", out _) is not null;

    /// <summary>Reads the server's kind and version (two public calls).</summary>
    /// <param name="priority">Interactive for a user waiting, background otherwise.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The kind and version.</returns>
    public async Task<SourceResult<SeerrServerInfo>> GetServerAsync(RequestPriority priority, CancellationToken cancellationToken)
    {
        var status = await SendAsync("status", priority, null, null, cancellationToken).ConfigureAwait(false);
        if (status is null || !status.IsSuccess)
        {
            return Failed<SeerrServerInfo>(status);
        }

        var settings = await SendAsync("settings/public", priority, null, null, cancellationToken).ConfigureAwait(false);
        if (settings is null || !settings.IsSuccess || JsonBody.TryParseObject(settings.Body) is not { } publicSettings)
        {
            return Failed<SeerrServerInfo>(settings);
        }

        var version = JsonBody.TryParseObject(status.Body)?.GetText("version");
        var kind = SeerrServerKinds.Detect(version, publicSettings.GetText("mediaServerType") is not null);
        return new SourceResult<SeerrServerInfo>(UpstreamOutcome.Success, new SeerrServerInfo(kind, version), "Seerr answered.");
    }

    /// <summary>Lists every Seerr user, page by page.</summary>
    /// <param name="priority">Interactive for a user waiting, background otherwise.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The users; a failed page fails the whole list, so a partial list is never taken for the truth.</returns>
    public async Task<SourceResult<IReadOnlyList<SeerrUser>>> GetUsersAsync(RequestPriority priority, CancellationToken cancellationToken)
    {
        var users = new List<SeerrUser>();
        for (var skip = 0; ; skip += UsersPage)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"user?take={UsersPage}&skip={skip}&sort=created");
            var page = await SendAsync(path, priority, null, null, cancellationToken).ConfigureAwait(false);
            if (page is null || !page.IsSuccess)
            {
                return Failed<IReadOnlyList<SeerrUser>>(page);
            }

            if (JsonBody.TryParseObject(page.Body) is not { } body || body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("results", out _))
            {
                return SourceCall.Unreadable<IReadOnlyList<SeerrUser>>("Seerr", "its user list");
            }

            var results = body.GetObjects("results").ToList();
            users.AddRange(results.Select(ReadUser).OfType<SeerrUser>());
            var total = body.GetObject("pageInfo")?.GetInt64("results") ?? 0;
            if (results.Count < UsersPage || users.Count >= total)
            {
                return new SourceResult<IReadOnlyList<SeerrUser>>(UpstreamOutcome.Success, users, "Seerr answered.");
            }
        }
    }

    /// <summary>Reads what is left of a user's request quota.</summary>
    /// <param name="seerrUserId">The Seerr user id.</param>
    /// <param name="priority">Interactive for a user waiting, background otherwise.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The quota.</returns>
    public async Task<SourceResult<SeerrQuota>> GetQuotaAsync(long seerrUserId, RequestPriority priority, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(string.Create(CultureInfo.InvariantCulture, $"user/{seerrUserId}/quota"), priority, null, null, cancellationToken).ConfigureAwait(false);
        if (answer is null || !answer.IsSuccess)
        {
            return Failed<SeerrQuota>(answer);
        }

        if (JsonBody.TryParseObject(answer.Body) is not { } body || body.ValueKind != JsonValueKind.Object)
        {
            return SourceCall.Unreadable<SeerrQuota>("Seerr", "a quota");
        }

        static int? Left(JsonElement? part) => part is { } p && p.GetInt64("limit") is not null
            ? (int)Math.Max(0, p.GetInt64("remaining") ?? 0)
            : null;
        return new SourceResult<SeerrQuota>(UpstreamOutcome.Success, new SeerrQuota(Left(body.GetObject("movie")), Left(body.GetObject("tv"))), "Seerr answered.");
    }

    /// <summary>Reads Seerr's details of a title: its raw media status and poster.</summary>
    /// <param name="isMovie">True for a movie, false for a series.</param>
    /// <param name="tmdbId">The TMDb id.</param>
    /// <param name="priority">Interactive for a user waiting, background otherwise.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The media; a null status inside means Seerr has never seen the title.</returns>
    public async Task<SourceResult<SeerrMedia>> GetMediaAsync(bool isMovie, long tmdbId, RequestPriority priority, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"{(isMovie ? "movie" : "tv")}/{tmdbId}");
        var answer = await SendAsync(path, priority, null, null, cancellationToken).ConfigureAwait(false);
        if (answer is null || !answer.IsSuccess)
        {
            return Failed<SeerrMedia>(answer);
        }

        if (JsonBody.TryParseObject(answer.Body) is not { } body || body.ValueKind != JsonValueKind.Object)
        {
            return SourceCall.Unreadable<SeerrMedia>("Seerr", "a title's details");
        }

        var media = new SeerrMedia(body.GetObject("mediaInfo")?.GetInt64("status"), body.GetText("posterPath"));
        return new SourceResult<SeerrMedia>(UpstreamOutcome.Success, media, "Seerr answered.");
    }

    /// <summary>
    /// Reads the seasons of a series a user may choose from: Seerr's season numbers, without season 0 (specials)
    /// unless it is all there is.
    /// </summary>
    /// <param name="tmdbId">The series' TMDb id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The season numbers, in order.</returns>
    public async Task<SourceResult<IReadOnlyList<int>>> GetSeasonsAsync(long tmdbId, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(string.Create(CultureInfo.InvariantCulture, $"tv/{tmdbId}"), RequestPriority.Interactive, null, null, cancellationToken).ConfigureAwait(false);
        if (answer is null || !answer.IsSuccess)
        {
            return Failed<IReadOnlyList<int>>(answer);
        }

        if (JsonBody.TryParseObject(answer.Body) is not { } body || body.ValueKind != JsonValueKind.Object)
        {
            return SourceCall.Unreadable<IReadOnlyList<int>>("Seerr", "a series' seasons");
        }

        var numbers = body.GetObjects("seasons").Select(s => s.GetInt64("seasonNumber")).OfType<long>()
            .Where(n => n is >= 0 and <= 10_000).Select(n => (int)n).Distinct().Order().ToList();
        IReadOnlyList<int> seasons = numbers.Any(n => n > 0) ? numbers.Where(n => n > 0).ToList() : numbers;
        return new SourceResult<IReadOnlyList<int>>(UpstreamOutcome.Success, seasons, "Seerr answered.");
    }

    /// <summary>Lists the Radarr (movies) or Sonarr (series) servers Seerr sends requests to.</summary>
    /// <param name="isMovie">True for Radarr, false for Sonarr.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The servers.</returns>
    public async Task<SourceResult<IReadOnlyList<SeerrService>>> GetServicesAsync(bool isMovie, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(isMovie ? "service/radarr" : "service/sonarr", RequestPriority.Interactive, null, null, cancellationToken).ConfigureAwait(false);
        if (answer is null || !answer.IsSuccess)
        {
            return Failed<IReadOnlyList<SeerrService>>(answer);
        }

        using var document = JsonBody.TryParse(answer.Body);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return SourceCall.Unreadable<IReadOnlyList<SeerrService>>("Seerr", "its server list");
        }

        IReadOnlyList<SeerrService> servers = document.RootElement.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.GetInt64("id") is not null)
            .Select(s => new SeerrService(s.GetInt64("id")!.Value, s.GetText("name") ?? "Server " + s.GetInt64("id"), Flag(s, "is4k"), Flag(s, "isDefault")))
            .ToList();
        return new SourceResult<IReadOnlyList<SeerrService>>(UpstreamOutcome.Success, servers, "Seerr answered.");
    }

    /// <summary>Reads a Radarr or Sonarr server's quality profiles and root folders.</summary>
    /// <param name="isMovie">True for Radarr, false for Sonarr.</param>
    /// <param name="serverId">Seerr's id of the server.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The profiles and folders.</returns>
    public async Task<SourceResult<SeerrServiceDetails>> GetServiceDetailsAsync(bool isMovie, long serverId, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"service/{(isMovie ? "radarr" : "sonarr")}/{serverId}");
        var answer = await SendAsync(path, RequestPriority.Interactive, null, null, cancellationToken).ConfigureAwait(false);
        if (answer is null || !answer.IsSuccess)
        {
            return Failed<SeerrServiceDetails>(answer);
        }

        if (JsonBody.TryParseObject(answer.Body) is not { } body || body.ValueKind != JsonValueKind.Object)
        {
            return SourceCall.Unreadable<SeerrServiceDetails>("Seerr", "a server's profiles");
        }

        var profiles = body.GetObjects("profiles").Where(p => p.GetInt64("id") is not null)
            .Select(p => new SeerrProfile(p.GetInt64("id")!.Value, p.GetText("name") ?? "Profile " + p.GetInt64("id"))).ToList();
        var folders = body.GetObjects("rootFolders").Select(f => f.GetText("path")).OfType<string>().ToList();
        return new SourceResult<SeerrServiceDetails>(UpstreamOutcome.Success, new SeerrServiceDetails(profiles, folders), "Seerr answered.");
    }

    /// <summary>Creates a request credited to a Seerr user.</summary>
    /// <param name="request">What to request and for whom.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Seerr's answer.</returns>
    public async Task<SeerrPostAnswer> CreateRequestAsync(SeerrRequestBody request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = new Dictionary<string, object>
        {
            ["mediaType"] = request.IsMovie ? "movie" : "tv",
            ["mediaId"] = request.TmdbId,
            ["is4k"] = request.Is4k,
            ["userId"] = request.SeerrUserId,
        };
        if (request.ServerId is { } serverId)
        {
            body["serverId"] = serverId;
        }

        if (request.ProfileId is { } profileId)
        {
            body["profileId"] = profileId;
        }

        if (request.RootFolder is { } rootFolder)
        {
            body["rootFolder"] = rootFolder;
        }

        if (!request.IsMovie)
        {
            body["seasons"] = request.Seasons is { Count: > 0 } seasons ? seasons : "all";
        }

        var answer = await SendAsync("request", RequestPriority.Interactive, HttpMethod.Post, JsonSerializer.Serialize(body), cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            return new SeerrPostAnswer(UpstreamOutcome.Authentication, null, NotConfiguredMessage);
        }

        var message = JsonBody.TryParseObject(answer.Body)?.GetText("message") ?? answer.Message;
        return new SeerrPostAnswer(answer.Outcome, answer.StatusCode, message);
    }

    private static SourceResult<T> Failed<T>(UpstreamResponse? response)
        where T : class => response is null
            ? SourceCall.NotConfigured<T>("Seerr")
            : new SourceResult<T>(response.IsSuccess ? UpstreamOutcome.BadResponse : response.Outcome, null, response.IsSuccess ? "Seerr answered, but not with what Aperture asked for." : response.Message, response.ResetAt);

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static SeerrUser? ReadUser(JsonElement user) => user.GetInt64("id") is { } id
        ? new SeerrUser(id, user.GetText("jellyfinUserId"), user.GetText("email"), user.GetText("username"), user.GetText("jellyfinUsername"), user.GetText("displayName"), user.GetInt64("permissions") ?? 0)
        : null;

    private async Task<UpstreamResponse?> SendAsync(string endpoint, RequestPriority priority, HttpMethod? method, string? json, CancellationToken cancellationToken)
    {
        var target = _targets.Get(IntegrationIds.Seerr, "apiKey", out var key);
        if (target is null)
        {
            return null;
        }

        var headers = new Dictionary<string, string> { ["X-Api-Key"] = key };
        return await _pipeline.SendAsync(
            SourceCall.Create(IntegrationIds.Seerr, target, SeerrApiPath.For(target.BaseUrl, endpoint), priority, headers, method, json),
            cancellationToken).ConfigureAwait(false);
    }
}
