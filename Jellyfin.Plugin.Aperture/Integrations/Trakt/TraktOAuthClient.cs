using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Trakt;

/// <summary>
/// Trakt's OAuth calls for user accounts (device code, device token, refresh, revoke), sent with the admin's saved
/// app credentials through the pipeline, on Trakt's OAuth host. Reads answers; keeps nothing.
/// </summary>
public sealed class TraktOAuthClient
{
    private const string NotConfiguredMessage = "Trakt is not set up: the admin must save the Trakt app's Client ID and Client secret on the Aperture settings page.";

    private readonly IUpstreamPipeline _pipeline;
    private readonly StoredTargets _targets;
    private readonly TimeProvider _time;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktOAuthClient"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    /// <param name="targets">The saved Trakt endpoint and app credentials.</param>
    /// <param name="time">The clock.</param>
    public TraktOAuthClient(IUpstreamPipeline pipeline, StoredTargets targets, TimeProvider time)
    {
        _pipeline = pipeline;
        _targets = targets;
        _time = time;
    }

    /// <summary>
    /// Asks Trakt for a device code.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The code, or why there is none.</returns>
    public async Task<TraktOAuthAnswer<TraktDeviceCode>> RequestDeviceCodeAsync(CancellationToken cancellationToken)
    {
        if (App() is not { } app)
        {
            return NotConfigured<TraktDeviceCode>();
        }

        var response = await SendAsync(app, "oauth/device/code", new() { ["client_id"] = app.ClientId }, RequestPriority.Interactive, null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return Failed<TraktDeviceCode>(response);
        }

        var body = JsonBody.TryParseObject(response.Body);
        var now = _time.GetUtcNow();
        if (body is not { } code
            || code.GetText("device_code") is not { Length: > 0 } deviceCode
            || code.GetText("user_code") is not { Length: > 0 } userCode
            || !Uri.TryCreate(code.GetText("verification_url"), UriKind.Absolute, out var url)
            || code.GetInt64("expires_in") is not { } expiresIn
            || expiresIn <= 0)
        {
            return new(UpstreamOutcome.BadResponse, response.StatusCode, null, "Trakt answered, but not with a device code.");
        }

        // Trakt documents 5 s; a missing or silly interval falls back to it rather than hammering Trakt.
        var interval = code.GetInt64("interval") is { } seconds && seconds is > 0 and <= 60 ? seconds : 5;
        return new(
            UpstreamOutcome.Success,
            response.StatusCode,
            new TraktDeviceCode(deviceCode, userCode, url, now.AddSeconds(expiresIn), TimeSpan.FromSeconds(interval)),
            "Trakt issued a code.");
    }

    /// <summary>
    /// Polls once for the tokens of a device code. Trakt's answers come back by status code: 200 tokens, 400 pending,
    /// 404 unknown code, 409 already used, 410 expired, 418 denied, 429 poll slower.
    /// </summary>
    /// <param name="deviceCode">The device code.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The tokens, or the answer.</returns>
    public async Task<TraktOAuthAnswer<TraktTokenGrant>> PollDeviceTokenAsync(string deviceCode, CancellationToken cancellationToken)
    {
        if (App() is not { } app)
        {
            return NotConfigured<TraktTokenGrant>();
        }

        var body = new Dictionary<string, string> { ["code"] = deviceCode, ["client_id"] = app.ClientId, ["client_secret"] = app.ClientSecret };
        var response = await SendAsync(app, "oauth/device/token", body, RequestPriority.Interactive, TraktOAuthClassifier.Instance, cancellationToken).ConfigureAwait(false);
        return ReadGrant(response);
    }

    /// <summary>
    /// Exchanges a refresh token for a new pair. The refresh token is single-use: whatever the answer, the caller must
    /// not send it twice.
    /// </summary>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="priority">The lane the caller waits in.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The new pair, or the answer.</returns>
    public async Task<TraktOAuthAnswer<TraktTokenGrant>> RefreshAsync(string refreshToken, RequestPriority priority, CancellationToken cancellationToken)
    {
        if (App() is not { } app)
        {
            return NotConfigured<TraktTokenGrant>();
        }

        var body = new Dictionary<string, string>
        {
            ["refresh_token"] = refreshToken,
            ["client_id"] = app.ClientId,
            ["client_secret"] = app.ClientSecret,
            ["redirect_uri"] = "urn:ietf:wg:oauth:2.0:oob",
            ["grant_type"] = "refresh_token",
        };
        var response = await SendAsync(app, "oauth/token", body, priority, TraktOAuthClassifier.Instance, cancellationToken).ConfigureAwait(false);
        return ReadGrant(response);
    }

    /// <summary>
    /// Revokes an access token.
    /// </summary>
    /// <param name="accessToken">The token.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The answer; success means Trakt accepted the revocation.</returns>
    public async Task<TraktOAuthAnswer<string>> RevokeAsync(string accessToken, CancellationToken cancellationToken)
    {
        if (App() is not { } app)
        {
            return NotConfigured<string>();
        }

        var body = new Dictionary<string, string> { ["token"] = accessToken, ["client_id"] = app.ClientId, ["client_secret"] = app.ClientSecret };
        var response = await SendAsync(app, "oauth/revoke", body, RequestPriority.Interactive, null, cancellationToken, expectJson: false).ConfigureAwait(false);
        return new(response.Outcome, response.StatusCode, response.IsSuccess ? "revoked" : null, response.Message);
    }

    private static TraktOAuthAnswer<T> NotConfigured<T>()
        where T : class => new(UpstreamOutcome.Authentication, null, null, NotConfiguredMessage);

    private static TraktOAuthAnswer<T> Failed<T>(UpstreamResponse response)
        where T : class => new(response.Outcome, response.StatusCode, null, response.Message, TraktOAuthClassifier.ErrorCode(response.Body));

    private TraktOAuthAnswer<TraktTokenGrant> ReadGrant(UpstreamResponse response)
    {
        if (!response.IsSuccess)
        {
            return Failed<TraktTokenGrant>(response);
        }

        if (JsonBody.TryParseObject(response.Body) is not { } body
            || body.GetText("access_token") is not { Length: > 0 } access
            || body.GetText("refresh_token") is not { Length: > 0 } refresh
            || body.GetInt64("expires_in") is not { } expiresIn
            || expiresIn <= 0)
        {
            return new(UpstreamOutcome.BadResponse, response.StatusCode, null, "Trakt answered, but not with tokens.");
        }

        // Expiry counts from Trakt's own created_at when it sends one, so a slow answer does not stretch it.
        var issued = body.GetInt64("created_at") is { } created && created > 0 ? DateTimeOffset.FromUnixTimeSeconds(created) : _time.GetUtcNow();
        return new(UpstreamOutcome.Success, response.StatusCode, new TraktTokenGrant(access, refresh, issued, issued.AddSeconds(expiresIn)), "Trakt issued tokens.");
    }

    private AppCredentials? App()
    {
        if (_targets.Get(IntegrationIds.Trakt, "clientId", out var clientId) is not { } target
            || target.Credentials.Get("clientSecret") is not { Length: > 0 } secret)
        {
            return null;
        }

        return new AppCredentials(target with { BaseUrl = TraktHosts.OAuthBase(target.BaseUrl) }, clientId, secret);
    }

    private Task<UpstreamResponse> SendAsync(
        AppCredentials app,
        string path,
        Dictionary<string, string> body,
        RequestPriority priority,
        IUpstreamClassifier? classifier,
        CancellationToken cancellationToken,
        bool expectJson = true)
    {
        // OAuth calls go to Trakt's OAuth host and are not user API writes, so they do not count against the
        // 1 write per second limit that the sync's writes share.
        var request = new UpstreamRequest
        {
            Service = IntegrationIds.Trakt,
            Target = app.Target,
            Path = path,
            Method = HttpMethod.Post,
            JsonBody = JsonSerializer.Serialize(body),
            Headers = TraktHeaders.ForApp(app.ClientId),
            Priority = priority,
            Classifier = classifier,
            ExpectJson = expectJson,
        };
        return _pipeline.SendAsync(request, cancellationToken);
    }

    private sealed record AppCredentials(IntegrationTarget Target, string ClientId, string ClientSecret)
    {
        public override string ToString() => "AppCredentials { redacted }";
    }
}
