using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Aperture.Emulators;

/// <summary>
/// Trakt at <c>http://127.0.0.1:port</c>, serving both the API and the OAuth host paths. A request without a
/// <c>User-Agent</c> (or with a capitalized <c>Trakt-Api-Key</c> header name) gets Cloudflare's HTML 403. API calls need
/// <c>trakt-api-key</c> (a client id in <see cref="ServiceEmulator.ValidKeys"/>) and <c>trakt-api-version: 2</c>.
/// Device flow: <c>POST /oauth/device/code</c>, <c>POST /oauth/device/token</c> (400 pending until approved);
/// <c>POST /oauth/token</c> refreshes with single-use refresh tokens; <c>GET /users/settings</c> needs a Bearer token.
/// </summary>
public sealed partial class TraktEmulator : ServiceEmulator
{
    private readonly ConcurrentDictionary<string, DeviceCode> _deviceCodes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new(StringComparer.Ordinal);

    // Every token (access and refresh) maps to the account it was issued for: a refresh keeps the account.
    private readonly ConcurrentDictionary<string, string> _accountOf = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _forcedDeviceAnswers = new(StringComparer.Ordinal);
    private TraktLimits _limits = new(2, 100, 250, 50);
    private TimeProvider _clock = TimeProvider.System;

    /// <summary>Initializes a new instance of the <see cref="TraktEmulator"/> class.</summary>
    public TraktEmulator()
        : base("trakt")
    {
    }

    private enum DeviceState
    {
        Pending,
        Approved,
        Denied,
        Used,
    }

    /// <summary>Gets or sets the client secret the OAuth endpoints accept.</summary>
    public string ClientSecret { get; set; } = "trakt-valid-secret";

    /// <summary>Gets or sets a value indicating whether device codes are approved as soon as they are issued.</summary>
    public bool AutoApproveDeviceCodes { get; set; }

    /// <summary>Gets or sets the access-token lifetime reported as <c>expires_in</c> (default 7 days).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets or sets the clock behind token <c>created_at</c>, token expiry and device-code expiry, so a test's fake
    /// clock and the emulator agree on when a token or code expires.
    /// </summary>
    public TimeProvider Clock
    {
        get => Volatile.Read(ref _clock);
        set => Volatile.Write(ref _clock, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Gets the device codes issued so far (their secret values, for tests that steer one code).</summary>
    public System.Collections.Generic.IReadOnlyCollection<string> IssuedDeviceCodes => _deviceCodes.Keys.ToArray();

    /// <summary>Gets every access token issued so far (valid or not), to read a linked user's ratings by.</summary>
    public System.Collections.Generic.IReadOnlyCollection<string> IssuedAccessTokens => _accessTokens.Keys.ToArray();

    /// <summary>Gets or sets the account limits reported by <c>/users/settings</c>.</summary>
    public TraktLimits Limits
    {
        get => Volatile.Read(ref _limits);
        set => Volatile.Write(ref _limits, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Gets or sets a value indicating whether header names must be lower-case (Cloudflare refused <c>Trakt-Api-Key</c> in 2026).</summary>
    public bool RequireLowerCaseHeaders { get; set; } = true;

    /// <summary>Starts a Trakt emulator.</summary>
    /// <param name="port">The loopback port to listen on; 0 (the default) picks a free ephemeral port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started emulator.</returns>
    public static Task<TraktEmulator> StartAsync(int port = 0, CancellationToken cancellationToken = default) => StartAsync<TraktEmulator>(port, cancellationToken);

    /// <summary>Approves pending device codes (all of them when <paramref name="deviceCode"/> is null).</summary>
    /// <param name="deviceCode">One device code, or null for all.</param>
    public void ApproveDeviceCode(string? deviceCode = null) => SetDeviceState(deviceCode, DeviceState.Approved);

    /// <summary>Denies pending device codes (all of them when <paramref name="deviceCode"/> is null); polling then answers 418.</summary>
    /// <param name="deviceCode">One device code, or null for all.</param>
    public void DenyDeviceCode(string? deviceCode = null) => SetDeviceState(deviceCode, DeviceState.Denied);

    /// <summary>
    /// Makes <c>/oauth/device/token</c> answer a fixed status for a code (every code when <paramref name="deviceCode"/>
    /// is null), e.g. 429 (slow down), 409 (already used), 410 (expired) or 404; null goes back to the code's real state.
    /// </summary>
    /// <param name="status">The status to answer, or null.</param>
    /// <param name="deviceCode">One device code, or null for all.</param>
    public void ForceDeviceTokenAnswer(int? status, string? deviceCode = null)
    {
        var key = deviceCode ?? "*";
        if (status is { } code)
        {
            _forcedDeviceAnswers[key] = code;
        }
        else
        {
            _forcedDeviceAnswers.TryRemove(key, out _);
        }
    }

    /// <summary>Tells whether an access token is currently accepted (issued, not expired, not revoked).</summary>
    /// <param name="accessToken">The token.</param>
    /// <returns>True when API calls with it would succeed.</returns>
    public bool IsAccessTokenValid(string accessToken) =>
        _accessTokens.TryGetValue(accessToken, out var expires) && expires > Clock.GetUtcNow();

    /// <summary>Issues a valid token pair directly, as if a user had authorized.</summary>
    /// <returns>The tokens.</returns>
    public TraktTokens IssueTokens() => IssueTokens(null);

    /// <summary>Gets the account a token belongs to (the first access token issued to it), or the token itself when unknown.</summary>
    /// <param name="token">An access or refresh token.</param>
    /// <returns>The account key.</returns>
    public string AccountOf(string token) => _accountOf.TryGetValue(token, out var account) ? account : token;

    private TraktTokens IssueTokens(string? account)
    {
        var tokens = new TraktTokens(NewToken(), NewToken());
        account ??= tokens.AccessToken;
        _accountOf[tokens.AccessToken] = account;
        _accountOf[tokens.RefreshToken] = account;
        _accessTokens[tokens.AccessToken] = Clock.GetUtcNow() + AccessTokenLifetime;
        _refreshTokens[tokens.RefreshToken] = true;
        return tokens;
    }

    /// <summary>Makes an access token expired, so API calls with it answer 401.</summary>
    /// <param name="accessToken">The token.</param>
    public void ExpireAccessToken(string accessToken) => _accessTokens[accessToken] = DateTimeOffset.MinValue;

    /// <inheritdoc/>
    protected override async Task<bool> PreFilterAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var capitalized = RequireLowerCaseHeaders && headers.Keys.Any(k =>
            k.StartsWith("trakt-", StringComparison.OrdinalIgnoreCase) && !string.Equals(k, k.ToLowerInvariant(), StringComparison.Ordinal));
        if (string.IsNullOrWhiteSpace(headers.UserAgent.ToString()) || capitalized)
        {
            await WriteHtmlErrorPageAsync(context, 403, "Sorry, you have been blocked").ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <inheritdoc/>
    protected override async Task ServeAsync(HttpContext context)
    {
        var path = (context.Request.Path.Value ?? "/").TrimEnd('/');
        var post = HttpMethods.IsPost(context.Request.Method);
        if (path.StartsWith("/oauth/", StringComparison.Ordinal))
        {
            await ServeOAuthAsync(context, path, post).ConfigureAwait(false);
            return;
        }

        var headers = context.Request.Headers;
        if (!ValidKeys.Contains(headers["trakt-api-key"].ToString()))
        {
            await WriteBadKeyAsync(context).ConfigureAwait(false);
            return;
        }

        if (headers["trakt-api-version"].ToString() != "2")
        {
            await WriteJsonAsync(context, 400, new JsonObject { ["error"] = "trakt-api-version must be 2" }).ConfigureAwait(false);
            return;
        }

        if (!TryConsumeQuota())
        {
            await WriteQuotaExhaustedAsync(context).ConfigureAwait(false);
            return;
        }

        if (await TryServeWatchlistAsync(context, path).ConfigureAwait(false))
        {
            return;
        }

        if (path == "/users/settings" && HttpMethods.IsGet(context.Request.Method))
        {
            var token = BearerToken(context);
            if (token is null || !_accessTokens.TryGetValue(token, out var expires) || expires <= Clock.GetUtcNow())
            {
                await WriteEmptyAsync(context, 401).ConfigureAwait(false);
                return;
            }

            await WriteJsonAsync(context, 200, Settings()).ConfigureAwait(false);
            return;
        }

        if (await TryRefuseForAccountAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (await TryServeSyncAsync(context, path).ConfigureAwait(false))
        {
            return;
        }

        await WriteEmptyAsync(context, 404).ConfigureAwait(false);
    }

    /// <summary>Trakt answers a wrong or unapproved client id with an empty 403.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task.</returns>
    protected override Task WriteBadKeyAsync(HttpContext context) => WriteEmptyAsync(context, 403);

    /// <inheritdoc/>
    protected override Task WriteRateLimitedAsync(HttpContext context, int retryAfterSeconds, (int Permits, TimeSpan Window)? overWindow)
    {
        var write = !HttpMethods.IsGet(context.Request.Method);
        var authed = context.Request.Headers.Authorization.Count > 0;
        var name = write ? "AUTHED_API_POST_LIMIT" : authed ? "AUTHED_API_GET_LIMIT" : "UNAUTHED_API_GET_LIMIT";
        var period = overWindow is { } w ? CeilSeconds(w.Window) : write ? 1 : 300;
        var limit = overWindow?.Permits ?? (write ? 1 : 1000);
        var info = new JsonObject
        {
            ["name"] = name,
            ["period"] = period,
            ["limit"] = limit,
            ["remaining"] = 0,
            ["until"] = DateTimeOffset.UtcNow.AddSeconds(retryAfterSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-Ratelimit"] = ToJson(info);
        return WriteEmptyAsync(context, 429);
    }

    /// <summary>Trakt's account-limit answer: HTTP 420 with an upgrade link.</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task.</returns>
    protected override Task WriteQuotaExhaustedAsync(HttpContext context)
    {
        context.Response.Headers["X-Upgrade-URL"] = "https://trakt.tv/vip";
        context.Response.Headers["X-VIP-User"] = "false";
        context.Response.Headers["X-Account-Limit"] = Limits.WatchlistItemCount.ToString(CultureInfo.InvariantCulture);
        return WriteEmptyAsync(context, 420);
    }

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static string? Text(JsonNode? body, string name)
        => body?[name]?.GetValueKind() == JsonValueKind.String ? body[name]!.GetValue<string>() : null;

    private static Task WriteOAuthErrorAsync(HttpContext context, int status, string error, string description)
        => WriteJsonAsync(context, status, new JsonObject { ["error"] = error, ["error_description"] = description });

    private void SetDeviceState(string? deviceCode, DeviceState state)
    {
        foreach (var (code, device) in _deviceCodes)
        {
            if ((deviceCode is null || deviceCode == code) && device.State == DeviceState.Pending)
            {
                _deviceCodes[code] = device with { State = state };
            }
        }
    }

    private JsonObject TokenBody(TraktTokens tokens) => new()
    {
        ["access_token"] = tokens.AccessToken,
        ["token_type"] = "bearer",
        ["expires_in"] = (long)AccessTokenLifetime.TotalSeconds,
        ["refresh_token"] = tokens.RefreshToken,
        ["scope"] = "public",
        ["created_at"] = Clock.GetUtcNow().ToUnixTimeSeconds(),
    };

    private async Task ServeOAuthAsync(HttpContext context, string path, bool post)
    {
        var body = post ? await ReadJsonAsync(context).ConfigureAwait(false) : null;
        var clientId = Text(body, "client_id");
        switch (path)
        {
            case "/oauth/device/code" when post:
                if (clientId is null || !ValidKeys.Contains(clientId))
                {
                    await WriteBadKeyAsync(context).ConfigureAwait(false);
                    return;
                }

                var deviceCode = NewToken();
                var userCode = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
                _deviceCodes[deviceCode] = new DeviceCode(Clock.GetUtcNow(), AutoApproveDeviceCodes ? DeviceState.Approved : DeviceState.Pending);
                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["device_code"] = deviceCode,
                    ["user_code"] = userCode,
                    ["verification_url"] = "https://trakt.tv/activate",
                    ["expires_in"] = 600,
                    ["interval"] = 5,
                }).ConfigureAwait(false);
                return;

            case "/oauth/device/token" when post:
                if (clientId is null || !ValidKeys.Contains(clientId) || Text(body, "client_secret") != ClientSecret)
                {
                    await WriteOAuthErrorAsync(context, 401, "invalid_client", "Client authentication failed.").ConfigureAwait(false);
                    return;
                }

                var code = Text(body, "code");
                if (code is null || !_deviceCodes.TryGetValue(code, out var device))
                {
                    await WriteEmptyAsync(context, 404).ConfigureAwait(false);
                    return;
                }

                if (_forcedDeviceAnswers.TryGetValue(code, out var forced) || _forcedDeviceAnswers.TryGetValue("*", out forced))
                {
                    await WriteEmptyAsync(context, forced).ConfigureAwait(false);
                    return;
                }

                if (device.State == DeviceState.Pending && Clock.GetUtcNow() - device.Issued > TimeSpan.FromSeconds(600))
                {
                    await WriteEmptyAsync(context, 410).ConfigureAwait(false);
                    return;
                }

                switch (device.State)
                {
                    case DeviceState.Pending:
                        await WriteEmptyAsync(context, 400).ConfigureAwait(false);
                        return;
                    case DeviceState.Denied:
                        await WriteEmptyAsync(context, 418).ConfigureAwait(false);
                        return;
                    case DeviceState.Used:
                        await WriteEmptyAsync(context, 409).ConfigureAwait(false);
                        return;
                    default:
                        _deviceCodes[code] = device with { State = DeviceState.Used };
                        await WriteJsonAsync(context, 200, TokenBody(IssueTokens())).ConfigureAwait(false);
                        return;
                }

            case "/oauth/token" when post:
                if (clientId is null || !ValidKeys.Contains(clientId) || Text(body, "client_secret") != ClientSecret)
                {
                    await WriteOAuthErrorAsync(context, 401, "invalid_client", "Client authentication failed.").ConfigureAwait(false);
                    return;
                }

                if (Text(body, "grant_type") != "refresh_token")
                {
                    await WriteOAuthErrorAsync(context, 400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.").ConfigureAwait(false);
                    return;
                }

                // Refresh tokens are single-use: the first exchange retires the token.
                var refresh = Text(body, "refresh_token");
                if (refresh is null || !_refreshTokens.TryRemove(refresh, out _))
                {
                    await WriteOAuthErrorAsync(context, 400, "invalid_grant", "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.").ConfigureAwait(false);
                    return;
                }

                await WriteJsonAsync(context, 200, TokenBody(IssueTokens(AccountOf(refresh)))).ConfigureAwait(false);
                return;

            case "/oauth/revoke" when post:
                var token = Text(body, "token");
                if (token is not null)
                {
                    _accessTokens.TryRemove(token, out _);
                }

                await WriteJsonAsync(context, 200, new JsonObject()).ConfigureAwait(false);
                return;

            default:
                await WriteEmptyAsync(context, 404).ConfigureAwait(false);
                return;
        }
    }

    private JsonObject Settings()
    {
        var limits = Limits;
        return new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["username"] = "demo",
                ["private"] = false,
                ["name"] = "Demo User",
                ["vip"] = false,
                ["vip_ep"] = false,
                ["ids"] = new JsonObject { ["slug"] = "demo", ["uuid"] = "00000000000000000000000000000001" },
                ["joined_at"] = "2020-01-01T00:00:00.000Z",
                ["location"] = string.Empty,
                ["about"] = string.Empty,
                ["gender"] = null,
                ["age"] = null,
            },
            ["account"] = new JsonObject { ["timezone"] = "Europe/Berlin", ["date_format"] = "dmy", ["time_24hr"] = true, ["cover_image"] = null },
            ["connections"] = new JsonObject(),
            ["sharing_text"] = new JsonObject { ["watching"] = "I'm watching [item]", ["watched"] = "I just watched [item]", ["rated"] = "[item] [stars]" },
            ["limits"] = new JsonObject
            {
                ["list"] = new JsonObject { ["count"] = limits.ListCount, ["item_count"] = limits.ListItemCount },
                ["watchlist"] = new JsonObject { ["item_count"] = limits.WatchlistItemCount },
                ["favorites"] = new JsonObject { ["item_count"] = limits.FavoritesItemCount },
            },
        };
    }

    private sealed record DeviceCode(DateTimeOffset Issued, DeviceState State);
}
