using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Aperture.Emulators;

/// <summary>
/// Trakt's limits are per user: <see cref="BlockAccount"/> makes one account's API calls answer 429 with
/// <c>Retry-After</c> (Trakt blocks an account for about 5 minutes after it hits a limit) while other accounts go on,
/// and <see cref="ForceAccountAnswer"/> makes one account's writes answer 420 (over a list or watchlist limit), 423
/// (locked) or 426 (VIP only). <see cref="ApiCallsOf"/> counts what each account sent to the API. <see cref="RevokeAccount"/>
/// and <see cref="RefuseAccount"/> end a sign-in.
/// </summary>
public sealed partial class TraktEmulator
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _forcedAccountAnswers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _apiCalls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refusedAccounts = new(StringComparer.Ordinal);

    /// <summary>
    /// Makes every API call of one account answer 401, whatever token it carries, including tokens a refresh issues
    /// later (a sign-in Trakt no longer honours although it still refreshes).
    /// </summary>
    /// <param name="accessToken">Any access token of the account.</param>
    public void RefuseAccount(string accessToken) => _refusedAccounts[AccountOf(accessToken)] = true;

    /// <summary>Revokes an account's sign-in as the user would on trakt.tv: its access and refresh tokens stop working.</summary>
    /// <param name="accessToken">Any access token of the account.</param>
    public void RevokeAccount(string accessToken)
    {
        var account = AccountOf(accessToken);
        foreach (var (token, owner) in _accountOf)
        {
            if (owner == account)
            {
                _accessTokens.TryRemove(token, out _);
                _refreshTokens.TryRemove(token, out _);
            }
        }
    }

    /// <summary>Makes every API call of one account answer 429 with <c>Retry-After</c> until the block ends.</summary>
    /// <param name="accessToken">Any access token of the account.</param>
    /// <param name="duration">How long the block lasts (Retry-After counts down to its end).</param>
    public void BlockAccount(string accessToken, TimeSpan duration) => _blockedUntil[AccountOf(accessToken)] = DateTimeOffset.UtcNow + duration;

    /// <summary>Ends a block made by <see cref="BlockAccount"/>.</summary>
    /// <param name="accessToken">Any access token of the account.</param>
    public void UnblockAccount(string accessToken) => _blockedUntil.TryRemove(AccountOf(accessToken), out _);

    /// <summary>
    /// Makes one account's writes (POST, PUT, DELETE) answer a fixed status: 420 (account limit), 423 (locked) or 426
    /// (VIP only); null lets them through again.
    /// </summary>
    /// <param name="accessToken">Any access token of the account.</param>
    /// <param name="status">The status, or null.</param>
    public void ForceAccountAnswer(string accessToken, int? status)
    {
        if (status is { } code)
        {
            _forcedAccountAnswers[AccountOf(accessToken)] = code;
        }
        else
        {
            _forcedAccountAnswers.TryRemove(AccountOf(accessToken), out _);
        }
    }

    /// <summary>Gets how many API calls (OAuth excluded) reached the emulator with one account's tokens, refused ones included.</summary>
    /// <param name="accessToken">Any access token of the account.</param>
    /// <returns>The count.</returns>
    public int ApiCallsOf(string accessToken) => _apiCalls.TryGetValue(AccountOf(accessToken), out var count) ? count : 0;

    private async Task<bool> TryRefuseForAccountAsync(HttpContext context)
    {
        if (BearerToken(context) is not { } token)
        {
            return false;
        }

        var account = AccountOf(token);
        _apiCalls.AddOrUpdate(account, 1, (_, count) => count + 1);
        if (_refusedAccounts.ContainsKey(account))
        {
            await WriteEmptyAsync(context, 401).ConfigureAwait(false);
            return true;
        }

        if (_blockedUntil.TryGetValue(account, out var until) && until > DateTimeOffset.UtcNow)
        {
            var seconds = Math.Max(1, CeilSeconds(until - DateTimeOffset.UtcNow));
            var write = !HttpMethods.IsGet(context.Request.Method);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-Ratelimit"] = ToJson(new JsonObject
            {
                ["name"] = write ? "AUTHED_API_POST_LIMIT" : "AUTHED_API_GET_LIMIT",
                ["period"] = write ? 1 : 300,
                ["limit"] = write ? 1 : 1000,
                ["remaining"] = 0,
                ["until"] = until.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            });
            await WriteEmptyAsync(context, 429).ConfigureAwait(false);
            return true;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && _forcedAccountAnswers.TryGetValue(account, out var status))
        {
            if (status == 420)
            {
                await WriteQuotaExhaustedAsync(context).ConfigureAwait(false);
            }
            else
            {
                await WriteEmptyAsync(context, status).ConfigureAwait(false);
            }

            return true;
        }

        return false;
    }
}
