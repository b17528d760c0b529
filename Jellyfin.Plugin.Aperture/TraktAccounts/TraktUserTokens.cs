using System;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Trakt;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// Hands out a user's valid Trakt access token, refreshing it before it expires. Refreshes are serialized per user
/// (the refresh token is single-use), and the caller that waited behind a refresh takes its result instead of
/// refreshing again. A refresh Trakt refuses marks the user "link again"; their calls stop until they do.
/// </summary>
public sealed class TraktUserTokens
{
    /// <summary>The smallest head start before expiry at which a token is refreshed.</summary>
    public static readonly TimeSpan MinimumRefreshMargin = TimeSpan.FromMinutes(10);

    private const string RefusedReason = "Trakt no longer accepts this link (the sign-in was revoked or expired): link Trakt again.";

    private readonly TraktOAuthClient _client;
    private readonly TraktAccountStore _accounts;
    private readonly TraktUserLocks _locks;
    private readonly TimeProvider _time;
    private readonly ILogger<TraktUserTokens> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktUserTokens"/> class.
    /// </summary>
    /// <param name="client">Trakt's OAuth calls.</param>
    /// <param name="accounts">The linked accounts.</param>
    /// <param name="locks">The per-user locks.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public TraktUserTokens(TraktOAuthClient client, TraktAccountStore accounts, TraktUserLocks locks, TimeProvider time, ILogger<TraktUserTokens> logger)
    {
        _client = client;
        _accounts = accounts;
        _locks = locks;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Tells whether a token pair is due for a refresh: in the last quarter of its lifetime (Trakt's lifetime has
    /// changed between 24 hours and 7 days, so the margin follows <c>expires_in</c>), and never closer to expiry than
    /// <see cref="MinimumRefreshMargin"/>.
    /// </summary>
    /// <param name="tokens">The pair.</param>
    /// <param name="now">The current time.</param>
    /// <returns>True when it should be refreshed now.</returns>
    public static bool IsDue(TraktTokenGrant tokens, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var lifetime = tokens.ExpiresAt - tokens.IssuedAt;
        var margin = lifetime / 4 > MinimumRefreshMargin ? lifetime / 4 : MinimumRefreshMargin;
        return now >= tokens.ExpiresAt - margin;
    }

    /// <summary>
    /// Gets a valid access token for a user, refreshing it first when it is due.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <param name="priority">The lane a refresh waits in.</param>
    /// <returns>The token, or why there is none.</returns>
    public async Task<TraktAccess> GetValidAccessTokenAsync(Guid userId, CancellationToken cancellationToken, RequestPriority priority = RequestPriority.Background)
    {
        // The common case, a token with time left, takes no lock.
        if (Current(userId) is { } ready)
        {
            return ready;
        }

        using var held = await _locks.AcquireAsync(userId, cancellationToken).ConfigureAwait(false);

        // Whoever held the lock may have refreshed (or unlinked) meanwhile: read again before spending the token.
        return Current(userId) ?? await RefreshLockedAsync(userId, priority, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reacts to Trakt refusing an access token (HTTP 401 on an API call): refreshes once, unless another caller already
    /// replaced that token. When the refreshed token is refused as well, the caller calls <see cref="MarkLinkAgain"/>.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="refusedAccessToken">The token Trakt refused.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <param name="priority">The lane the refresh waits in.</param>
    /// <returns>A new token, or why there is none.</returns>
    public async Task<TraktAccess> RefreshAfterRefusalAsync(Guid userId, string refusedAccessToken, CancellationToken cancellationToken, RequestPriority priority = RequestPriority.Background)
    {
        using var held = await _locks.AcquireAsync(userId, cancellationToken).ConfigureAwait(false);
        var account = _accounts.Get(userId);
        if (account?.Tokens is { } tokens && !string.Equals(tokens.AccessToken, refusedAccessToken, StringComparison.Ordinal))
        {
            return new TraktAccess(TraktAccessStatus.Valid, tokens.AccessToken, "Another call already replaced the token.");
        }

        return await RefreshLockedAsync(userId, priority, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks a user "link again" (a freshly refreshed token was refused too): the tokens are deleted.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="reason">Why, for the user and the admin.</param>
    public void MarkLinkAgain(Guid userId, string reason)
    {
        _accounts.MarkLinkAgain(userId, reason);
        _logger.LogWarning("Trakt link of user {UserId} needs to be made again: {Reason}", userId, reason);
    }

    private TraktAccess? Current(Guid userId)
    {
        var account = _accounts.Get(userId);
        if (account is null)
        {
            return new TraktAccess(TraktAccessStatus.NotLinked, null, "Trakt is not linked for this user.");
        }

        if (account.Tokens is not { } tokens)
        {
            return new TraktAccess(TraktAccessStatus.LinkAgain, null, account.RelinkReason ?? RefusedReason);
        }

        return IsDue(tokens, _time.GetUtcNow()) ? null : new TraktAccess(TraktAccessStatus.Valid, tokens.AccessToken, "Linked.");
    }

    // Called with the user's lock held: the refresh token is spent at most once.
    private async Task<TraktAccess> RefreshLockedAsync(Guid userId, RequestPriority priority, CancellationToken cancellationToken)
    {
        var account = _accounts.Get(userId);
        if (account?.Tokens is not { } tokens)
        {
            return Current(userId)!;
        }

        var answer = await _client.RefreshAsync(tokens.RefreshToken, priority, cancellationToken).ConfigureAwait(false);
        if (answer.Value is { } fresh)
        {
            _accounts.SaveTokens(userId, fresh, newLink: false);
            _logger.LogInformation("Trakt token of user {UserId} refreshed; it expires at {ExpiresAt}", userId, fresh.ExpiresAt);
            return new TraktAccess(TraktAccessStatus.Valid, fresh.AccessToken, "Refreshed.");
        }

        // 400 invalid_grant (or a 401 about the grant) means Trakt will never take this refresh token again.
        var grantRefused = answer.Outcome == UpstreamOutcome.NotFound
            && (answer.StatusCode == 401 || (answer.StatusCode == 400 && string.Equals(answer.Error, "invalid_grant", StringComparison.Ordinal)));
        if (grantRefused)
        {
            MarkLinkAgain(userId, RefusedReason);
            return new TraktAccess(TraktAccessStatus.LinkAgain, null, RefusedReason);
        }

        // Trakt down, the app's secret refused, a rate limit: the pair is unchanged (the token was not spent), and
        // the old access token serves until it really expires.
        _logger.LogWarning("Trakt token of user {UserId} could not be refreshed: {Outcome}", userId, answer.Outcome);
        return _time.GetUtcNow() < tokens.ExpiresAt
            ? new TraktAccess(TraktAccessStatus.Valid, tokens.AccessToken, "Refresh failed; the current token is still valid: " + answer.Message)
            : new TraktAccess(TraktAccessStatus.Unavailable, null, answer.Message);
    }
}
