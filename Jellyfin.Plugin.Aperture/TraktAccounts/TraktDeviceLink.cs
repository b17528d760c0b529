using System;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Trakt;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// Links a Jellyfin user's Trakt account with Trakt's device flow. The caller drives the polling: each
/// <see cref="PollAsync"/> asks Trakt at most once, never before the interval Trakt set, and never after the code
/// expired, so a page that polls too fast cannot get the app throttled.
/// </summary>
public sealed class TraktDeviceLink
{
    // RFC 8628 §3.5: on "slow down" the interval grows by 5 seconds for this and every later poll.
    private static readonly TimeSpan _slowDownStep = TimeSpan.FromSeconds(5);

    private readonly TraktOAuthClient _client;
    private readonly TraktDeviceCodeStore _codes;
    private readonly TraktAccountStore _accounts;
    private readonly TraktUserLocks _locks;
    private readonly TimeProvider _time;
    private readonly ILogger<TraktDeviceLink> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktDeviceLink"/> class.
    /// </summary>
    /// <param name="client">Trakt's OAuth calls.</param>
    /// <param name="codes">The links in progress.</param>
    /// <param name="accounts">The linked accounts.</param>
    /// <param name="locks">The per-user locks.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public TraktDeviceLink(TraktOAuthClient client, TraktDeviceCodeStore codes, TraktAccountStore accounts, TraktUserLocks locks, TimeProvider time, ILogger<TraktDeviceLink> logger)
    {
        _client = client;
        _codes = codes;
        _accounts = accounts;
        _locks = locks;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Starts a link: asks Trakt for a code the user types at trakt.tv. Replaces a link in progress; an existing link
    /// stays until the new one succeeds.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The code to show, or why there is none.</returns>
    public async Task<TraktLinkStart> StartAsync(Guid userId, CancellationToken cancellationToken)
    {
        using var held = await _locks.AcquireAsync(userId, cancellationToken).ConfigureAwait(false);
        var answer = await _client.RequestDeviceCodeAsync(cancellationToken).ConfigureAwait(false);
        if (answer.Value is not { } code)
        {
            _logger.LogInformation("Trakt link for user {UserId} could not start: {Outcome}", userId, answer.Outcome);
            return new TraktLinkStart(null, answer.Message);
        }

        var pending = new TraktPendingLink(code, _time.GetUtcNow() + code.Interval);
        _codes.Save(userId, pending);
        _logger.LogInformation("Trakt link started for user {UserId}; the code expires at {ExpiresAt}", userId, code.ExpiresAt);
        return new TraktLinkStart(pending, "Go to " + code.VerificationUrl.AbsoluteUri + " and enter the code " + code.UserCode + ".");
    }

    /// <summary>
    /// Gets a user's link in progress, if its code has not expired.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <returns>The link in progress, or null.</returns>
    public TraktPendingLink? GetPending(Guid userId) =>
        _codes.Get(userId) is { } pending && _time.GetUtcNow() < pending.Code.ExpiresAt ? pending : null;

    /// <summary>
    /// Cancels a user's link in progress (nothing is sent: an unused code simply expires at Trakt).
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    public void Cancel(Guid userId) => _codes.Delete(userId);

    /// <summary>
    /// Polls a user's link once.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What the poll found.</returns>
    public async Task<TraktLinkPoll> PollAsync(Guid userId, CancellationToken cancellationToken)
    {
        using var held = await _locks.AcquireAsync(userId, cancellationToken).ConfigureAwait(false);
        if (_codes.Get(userId) is not { } pending)
        {
            return new TraktLinkPoll(TraktLinkPollStatus.NoLinkInProgress, "No Trakt link is in progress: start one.", null);
        }

        var now = _time.GetUtcNow();
        if (now >= pending.Code.ExpiresAt)
        {
            return End(userId, TraktLinkPollStatus.Expired, "The code expired before it was entered at trakt.tv: start again for a new code.");
        }

        if (now < pending.NextPollAt)
        {
            // Too early: Trakt would answer 429. The page learns when to come back instead.
            return new TraktLinkPoll(TraktLinkPollStatus.Pending, "Waiting for the code to be entered at trakt.tv.", pending);
        }

        var answer = await _client.PollDeviceTokenAsync(pending.Code.DeviceCode, cancellationToken).ConfigureAwait(false);
        now = _time.GetUtcNow();
        if (answer.Value is { } tokens)
        {
            _accounts.SaveTokens(userId, tokens, newLink: true);
            _codes.Delete(userId);
            _logger.LogInformation("Trakt account linked for user {UserId}", userId);
            return new TraktLinkPoll(TraktLinkPollStatus.Linked, "Trakt is linked.", null);
        }

        switch (answer.Outcome == UpstreamOutcome.NotFound ? answer.StatusCode : null)
        {
            case 400:
                return Wait(userId, pending with { NextPollAt = now + pending.Code.Interval }, TraktLinkPollStatus.Pending, "Waiting for the code to be entered at trakt.tv.");
            case 429:
                var slower = pending.Code with { Interval = pending.Code.Interval + _slowDownStep };
                return Wait(userId, new TraktPendingLink(slower, now + slower.Interval), TraktLinkPollStatus.SlowDown, "Trakt asked Aperture to check less often; still waiting for the code to be entered.");
            case 404:
                return End(userId, TraktLinkPollStatus.InvalidCode, "Trakt does not know this code: start again for a new one.");
            case 409:
                return End(userId, TraktLinkPollStatus.AlreadyUsed, "This code was already used: start again for a new one.");
            case 410:
                return End(userId, TraktLinkPollStatus.Expired, "The code expired before it was entered at trakt.tv: start again for a new code.");
            case 418:
                return End(userId, TraktLinkPollStatus.Denied, "The link was declined at trakt.tv. Start again if that was a mistake.");
            default:
                // Not set up, the app refused, an outage, an unreadable answer: the code may still be good, so it is
                // kept and the next poll waits a full interval.
                _logger.LogInformation("Trakt link poll for user {UserId} failed: {Outcome}", userId, answer.Outcome);
                return Wait(userId, pending with { NextPollAt = now + pending.Code.Interval }, TraktLinkPollStatus.Failed, answer.Message);
        }
    }

    private TraktLinkPoll Wait(Guid userId, TraktPendingLink next, TraktLinkPollStatus status, string message)
    {
        _codes.Save(userId, next);
        return new TraktLinkPoll(status, message, next);
    }

    private TraktLinkPoll End(Guid userId, TraktLinkPollStatus status, string message)
    {
        _codes.Delete(userId);
        _logger.LogInformation("Trakt link for user {UserId} ended: {Status}", userId, status);
        return new TraktLinkPoll(status, message, null);
    }
}
