using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Common;
using Jellyfin.Plugin.Aperture.Integrations.Trakt;
using Jellyfin.Plugin.Aperture.TraktAccounts;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// Calls Trakt's API as one linked user: the app headers, the user's bearer token, and the pipeline (writes take its
/// write lane). Every per-user Trakt feature (ratings, watchlist, suggestions) sends through this one path, so how a
/// user's calls are made and limited is decided in one place. Also reads and writes Trakt's id objects.
/// </summary>
public sealed class TraktUserApi
{
    private const string LinkAgainReason = "Trakt refused this user's sign-in even after a token refresh: link Trakt again on the Aperture user page.";

    private readonly IUpstreamPipeline _pipeline;
    private readonly IntegrationTarget _target;
    private readonly string _clientId;
    private readonly Func<CancellationToken, Task<string?>> _accessToken;
    private readonly TraktUserTokens? _tokens;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktUserApi"/> class with a fixed way to get the token and no
    /// refresh on a refused token (tests that hold a token of their own).
    /// </summary>
    /// <param name="pipeline">The upstream pipeline.</param>
    /// <param name="target">Trakt's saved target (base URL and app credentials).</param>
    /// <param name="clientId">The app's client id.</param>
    /// <param name="userId">The Jellyfin user the calls are made for.</param>
    /// <param name="accessToken">Gets the user's current access token, or null when the user is not linked.</param>
    public TraktUserApi(IUpstreamPipeline pipeline, IntegrationTarget target, string clientId, Guid userId, Func<CancellationToken, Task<string?>> accessToken)
    {
        _pipeline = pipeline;
        _target = target;
        _clientId = clientId;
        UserId = userId;
        _accessToken = accessToken;
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktUserApi"/> class for a linked user: the token comes from the
    /// user's stored link, and a call Trakt refuses with 401 refreshes the token once and is sent again; refused again,
    /// the user is marked "link again". This is the constructor every feature uses.
    /// </summary>
    /// <param name="pipeline">The upstream pipeline.</param>
    /// <param name="target">Trakt's saved target (base URL and app credentials).</param>
    /// <param name="clientId">The app's client id.</param>
    /// <param name="userId">The Jellyfin user the calls are made for.</param>
    /// <param name="tokens">The users' tokens.</param>
    public TraktUserApi(IUpstreamPipeline pipeline, IntegrationTarget target, string clientId, Guid userId, TraktUserTokens tokens)
        : this(pipeline, target, clientId, userId, async token => (await tokens.GetValidAccessTokenAsync(userId, token).ConfigureAwait(false)).AccessToken)
    {
        _tokens = tokens;
    }

    /// <summary>Gets the Jellyfin user the calls are made for.</summary>
    public Guid UserId { get; }

    /// <summary>Gets Trakt's saved options (the playlist names, the suggestions switch).</summary>
    public IReadOnlyDictionary<string, string> Options => _target.Options;

    /// <summary>
    /// Parses a Trakt time stamp.
    /// </summary>
    /// <param name="text">The text, or null.</param>
    /// <returns>The time, or null when absent or unreadable.</returns>
    public static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>
    /// Formats a time the way Trakt writes them.
    /// </summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    public static string Text(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a Trakt <c>ids</c> object.
    /// </summary>
    /// <param name="ids">The object.</param>
    /// <returns>The ids.</returns>
    public static TraktIds ReadIds(JsonElement ids) =>
        new(ids.GetInt64("trakt"), ids.GetText("imdb"), ids.GetInt64("tmdb"), ids.GetInt64("tvdb"));

    /// <summary>
    /// Writes a Trakt <c>ids</c> object with the ids that are known.
    /// </summary>
    /// <param name="ids">The ids.</param>
    /// <returns>The object.</returns>
    public static JsonObject WriteIds(TraktIds ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var json = new JsonObject();
        if (ids.Trakt is { } trakt)
        {
            json["trakt"] = trakt;
        }

        if (!string.IsNullOrWhiteSpace(ids.Imdb))
        {
            json["imdb"] = ids.Imdb;
        }

        if (ids.Tmdb is { } tmdb)
        {
            json["tmdb"] = tmdb;
        }

        if (ids.Tvdb is { } tvdb)
        {
            json["tvdb"] = tvdb;
        }

        return json;
    }

    /// <summary>
    /// Reads one of <c>/sync/last_activities</c>' stamps for movies and for shows (e.g. <c>rated_at</c>,
    /// <c>watchlisted_at</c>): each feature skips its pull while its own stamps have not moved.
    /// </summary>
    /// <param name="stamp">The stamp's name in the movies and shows objects.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The movie and show stamps as Trakt wrote them (null when absent), or why they could not be read.</returns>
    public async Task<TraktAnswer<(string? Movies, string? Shows)>> GetActivityStampsAsync(string stamp, CancellationToken cancellationToken)
    {
        var (response, error) = await SendAsync(HttpMethod.Get, "sync/last_activities", null, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return new(default, error);
        }

        if (JsonBody.TryParseObject(response!.Body) is not { } root)
        {
            return new(default, "Trakt's last activities could not be read.");
        }

        return new((root.GetObject("movies")?.GetText(stamp), root.GetObject("shows")?.GetText(stamp)), null);
    }

    /// <summary>
    /// Sends one call as the user. The call is scoped to the user, so Trakt's per-user limits (a 429 parks only this
    /// user), account limits (420, 423, 426) and successful writes are counted against this user alone.
    /// </summary>
    /// <param name="method">GET, POST or DELETE; anything but GET is a write.</param>
    /// <param name="path">The path under the API base, with any query.</param>
    /// <param name="body">The JSON body, or null.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The response when it succeeded, else the reason (admin-readable, no secrets).</returns>
    public async Task<(UpstreamResponse? Response, string? Error)> SendAsync(HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        var token = await _accessToken(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(token))
        {
            return (null, "The user has not linked a Trakt account.");
        }

        var response = await SendWithTokenAsync(method, path, body, token, cancellationToken).ConfigureAwait(false);
        if (_tokens is not null && IsRefusedToken(response))
        {
            // Refresh once (unless another call already did) and try again; a second refusal means the link is gone.
            var renewed = await _tokens.RefreshAfterRefusalAsync(UserId, token, cancellationToken).ConfigureAwait(false);
            if (renewed.AccessToken is not { Length: > 0 } fresh)
            {
                return (response, renewed.Message);
            }

            response = await SendWithTokenAsync(method, path, body, fresh, cancellationToken).ConfigureAwait(false);
            if (IsRefusedToken(response))
            {
                _tokens.MarkLinkAgain(UserId, LinkAgainReason);
                return (response, LinkAgainReason);
            }
        }

        return response.IsSuccess ? (response, null) : (response, response.Message);
    }

    private static bool IsRefusedToken(UpstreamResponse response) =>
        response.Outcome == UpstreamOutcome.Authentication && response.StatusCode == 401;

    private Task<UpstreamResponse> SendWithTokenAsync(HttpMethod method, string path, string? body, string token, CancellationToken cancellationToken)
    {
        var headers = TraktHeaders.ForApp(_clientId);
        headers["Authorization"] = "Bearer " + token;
        var request = new UpstreamRequest
        {
            Service = IntegrationIds.Trakt,
            Target = _target,
            Method = method,
            Path = path,
            JsonBody = body,
            Headers = headers,
            IsWrite = method != HttpMethod.Get,
            Scope = UserId.ToString("N"),
        };
        return _pipeline.SendAsync(request, cancellationToken);
    }
}
