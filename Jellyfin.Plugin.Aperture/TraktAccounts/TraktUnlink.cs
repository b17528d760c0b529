using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// Unlinks a user's Trakt account: revokes the access token at Trakt, then deletes what Aperture kept, whether or not
/// Trakt could be reached (the user asked to be disconnected; the result says when the revocation did not happen).
/// </summary>
public sealed class TraktUnlink
{
    private readonly Integrations.Trakt.TraktOAuthClient _client;
    private readonly TraktAccountStore _accounts;
    private readonly TraktDeviceCodeStore _codes;
    private readonly TraktUserLocks _locks;
    private readonly ILogger<TraktUnlink> _logger;
    private readonly TraktSync.TraktSyncLog _runs;
    private readonly Health.AlertStore _alerts;
    private readonly TimeProvider _time;
    private readonly TraktSync.RatingsSyncStore _ratings;
    private readonly TraktWatchlist.WatchlistSyncStore _watchlist;
    private readonly Discovery.MissingTitleStore _missing;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktUnlink"/> class.
    /// </summary>
    /// <param name="client">Trakt's OAuth calls.</param>
    /// <param name="accounts">The linked accounts.</param>
    /// <param name="codes">The links in progress.</param>
    /// <param name="locks">The per-user locks.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="runs">The users' last sync runs (forgotten with the link).</param>
    /// <param name="alerts">The alerts (the user's account-limit alert closes with the link).</param>
    /// <param name="time">The clock.</param>
    /// <param name="ratings">The users' rating sync state (forgotten with the link).</param>
    /// <param name="watchlist">The users' watchlist sync state (forgotten with the link; the playlist stays).</param>
    /// <param name="missing">The missing titles the user's watchlist and suggestions found.</param>
    public TraktUnlink(
        Integrations.Trakt.TraktOAuthClient client,
        TraktAccountStore accounts,
        TraktDeviceCodeStore codes,
        TraktUserLocks locks,
        ILogger<TraktUnlink> logger,
        TraktSync.TraktSyncLog runs,
        Health.AlertStore alerts,
        TimeProvider time,
        TraktSync.RatingsSyncStore ratings,
        TraktWatchlist.WatchlistSyncStore watchlist,
        Discovery.MissingTitleStore missing)
    {
        _ratings = ratings;
        _watchlist = watchlist;
        _missing = missing;
        _runs = runs;
        _alerts = alerts;
        _time = time;
        _client = client;
        _accounts = accounts;
        _codes = codes;
        _locks = locks;
        _logger = logger;
    }

    /// <summary>
    /// Unlinks a user.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What happened.</returns>
    public async Task<TraktUnlinkResult> UnlinkAsync(Guid userId, CancellationToken cancellationToken)
    {
        // Under the user's lock, so a refresh in flight cannot save a new pair after the row is gone.
        using var held = await _locks.AcquireAsync(userId, cancellationToken).ConfigureAwait(false);
        var account = _accounts.Get(userId);
        _codes.Delete(userId);

        // What the user's syncs did, and an account limit of the account that leaves, no longer describe this user.
        _runs.Forget(userId);

        // The sync snapshots describe the account that leaves: kept, a link to another account would read every title
        // missing there as removed on Trakt and clear it in Jellyfin. The next link starts with a first sync instead.
        _ratings.Forget(userId.ToString("N"));
        _watchlist.Forget(userId);
        _missing.Forget(Discovery.MissingTitleSources.TraktWatchlist, userId);
        _missing.Forget(Discovery.MissingTitleSources.TraktSuggestions, userId);
        _alerts.Resolve(Integrations.IntegrationIds.Trakt, Health.AlertKind.AccountLimit, userId.ToString("N"), "unlinked", _time.GetUtcNow());
        if (account is null)
        {
            return new TraktUnlinkResult(false, false, "Trakt was not linked.");
        }

        if (account.Tokens is not { } tokens)
        {
            _accounts.Delete(userId);
            return new TraktUnlinkResult(true, false, "Trakt is unlinked. There was no valid sign-in left to revoke.");
        }

        // The deletion must happen even when the caller gives up on a slow Trakt.
        Integrations.Trakt.TraktOAuthAnswer<string>? answer = null;
        try
        {
            answer = await _client.RevokeAsync(tokens.AccessToken, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _accounts.Delete(userId);
        }

        if (answer.Value is not null)
        {
            _logger.LogInformation("Trakt unlinked for user {UserId}; the token was revoked", userId);
            return new TraktUnlinkResult(true, true, "Trakt is unlinked and Aperture's access was revoked at Trakt.");
        }

        _logger.LogWarning("Trakt unlinked for user {UserId}, but Trakt did not confirm the revocation: {Outcome}", userId, answer.Outcome);
        return new TraktUnlinkResult(
            true,
            false,
            "Trakt is unlinked in Aperture, but Trakt could not confirm the revocation (" + answer.Message + "). To be sure, remove Aperture under trakt.tv → Settings → Connected apps.");
    }
}
