using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Common;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// Runs the rating sync for every linked user: reads their Jellyfin ratings with the change times Aperture recorded,
/// runs <see cref="RatingsSync"/>, and applies what came from Trakt to Jellyfin, recording Trakt's time as the local
/// change time first, so Aperture's own write is never taken for a new local change.
/// </summary>
public sealed class RatingsSyncRunner
{
    private readonly RatingsSync _sync;
    private readonly IUserRatingsLibrary _library;
    private readonly LocalRatingTimes _times;
    private readonly TraktAccountStore _accounts;
    private readonly TraktUserApis _apis;
    private readonly TraktSyncLog _log;
    private readonly TimeProvider _time;
    private readonly ILogger<RatingsSyncRunner> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="RatingsSyncRunner"/> class.
    /// </summary>
    /// <param name="sync">The per-user sync.</param>
    /// <param name="library">The users' Jellyfin ratings.</param>
    /// <param name="times">The local change times.</param>
    /// <param name="accounts">The linked accounts.</param>
    /// <param name="apis">Builds each linked user's Trakt API.</param>
    /// <param name="log">Each user's last run, shown on the user page and the admin page.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public RatingsSyncRunner(
        RatingsSync sync,
        IUserRatingsLibrary library,
        LocalRatingTimes times,
        TraktAccountStore accounts,
        TraktUserApis apis,
        TraktSyncLog log,
        TimeProvider time,
        ILogger<RatingsSyncRunner> logger)
    {
        _sync = sync;
        _library = library;
        _times = times;
        _accounts = accounts;
        _apis = apis;
        _log = log;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Syncs every linked user; users marked "link again" or not linked are skipped.
    /// </summary>
    /// <param name="progress">Progress, 0–100.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result per user that was synced.</returns>
    public async Task<IReadOnlyDictionary<Guid, RatingsSyncResult>> RunAllAsync(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var users = _accounts.List().Where(a => a.State == TraktLinkState.Linked).Select(a => a.UserId).ToList();
        var results = new Dictionary<Guid, RatingsSyncResult>();
        for (var i = 0; i < users.Count; i++)
        {
            // One user's failure (Trakt refusing their token, an outage) must not stop the others.
            if (await RunUserAsync(users[i], cancellationToken).ConfigureAwait(false) is { } result)
            {
                results[users[i]] = result;
            }

            progress?.Report(100.0 * (i + 1) / users.Count);
        }

        progress?.Report(100);
        return results;
    }

    /// <summary>
    /// Syncs one user.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result, or null when the user was skipped.</returns>
    public async Task<RatingsSyncResult?> RunUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var (api, skipped) = await _apis.ForUserAsync(userId, cancellationToken).ConfigureAwait(false);
        if (api is null)
        {
            _logger.LogInformation("Trakt ratings sync skipped for user {UserId}: {Reason}", userId, skipped);
            return null;
        }

        var client = new TraktRatingsClient(api, _logger);
        var items = _library.Read(userId);
        var times = _times.Load(userId);

        // A recorded time counts only while the rating is still the value recorded with it; a change Aperture did not
        // see (made while the server ran without the plugin) has no known time.
        var local = items
            .Select(i => new LocalRating(i.Kind, i.Ids, i.Value, times.TryGetValue(i.ItemId, out var seen) && seen.Value == i.Value ? seen.At : null))
            .ToList();
        var result = await _sync.RunAsync(userId.ToString("N"), client, local, cancellationToken).ConfigureAwait(false);
        if (!result.Completed)
        {
            _logger.LogWarning("Trakt ratings sync for user {UserId} stopped: {Error}", userId, result.Error);
            _log.Record(userId, new TraktSyncRun(TraktSyncFeatures.Ratings, _time.GetUtcNow(), false, RatingsSyncSummary.Describe(result)));
            return result;
        }

        Apply(userId, items, result.LocalWrites.Concat(result.LocalRemovals), cancellationToken);
        _log.Record(userId, new TraktSyncRun(TraktSyncFeatures.Ratings, _time.GetUtcNow(), true, RatingsSyncSummary.Describe(result)));
        return result;
    }

    private void Apply(Guid userId, IReadOnlyList<UserRatedItem> items, IEnumerable<RatingChange> changes, CancellationToken cancellationToken)
    {
        // The same title can be in two libraries: every copy gets the rating.
        var byKey = items.Where(i => RatingKey.For(i.Kind, i.Ids) is not null).ToLookup(i => RatingKey.For(i.Kind, i.Ids)!.Value);
        foreach (var change in changes)
        {
            foreach (var item in byKey[change.Key])
            {
                // Recorded before the write: the listener then sees the value it already knows and records nothing.
                _times.Set(userId, item.ItemId, change.Value, change.At ?? _time.GetUtcNow());
                if (!_library.Apply(userId, item.ItemId, change.Value, cancellationToken))
                {
                    _logger.LogDebug("Trakt rating not applied: item {ItemId} or user {UserId} is gone", item.ItemId, userId);
                }
            }
        }
    }
}
