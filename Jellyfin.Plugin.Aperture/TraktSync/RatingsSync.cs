using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// One user's two-way rating sync: ask Trakt whether any rating changed since the last sync (one call, and the end
/// of it when nothing changed on either side), pull when it did, merge three ways, push and remove on Trakt, and
/// hand back the changes for Jellyfin. The snapshot moves only for what succeeded; a failed write stays pending and
/// wins the next merge until Trakt takes it.
/// </summary>
public sealed class RatingsSync
{
    private static readonly TraktWriteResult _nothing = new([], [], []);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _users = new(StringComparer.Ordinal);
    private readonly RatingsSyncStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<RatingsSync> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="RatingsSync"/> class.
    /// </summary>
    /// <param name="store">The sync state store.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public RatingsSync(RatingsSyncStore store, TimeProvider time, ILogger<RatingsSync> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Syncs one user's ratings. The caller applies <see cref="RatingsSyncResult.LocalWrites"/> and
    /// <see cref="RatingsSyncResult.LocalRemovals"/> to Jellyfin and records their times as the local change
    /// times; the snapshot already counts them as applied.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="client">The user's Trakt client.</param>
    /// <param name="library">Every library item with the user's rating (Trakt's scale) or null.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What happened.</returns>
    public async Task<RatingsSyncResult> RunAsync(string userId, TraktRatingsClient client, IReadOnlyCollection<LocalRating> library, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(library);

        // A scheduled run and one started by a rating change must not both read the same snapshot.
        var gate = _users.GetOrAdd(userId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunOnceAsync(userId, client, library, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<TraktAnswer<IReadOnlyDictionary<RatingKey, RemoteRating>>> PullAsync(TraktRatingsClient client, IReadOnlyCollection<LocalRating> library, CancellationToken cancellationToken)
    {
        var matcher = new RatingKeyMatcher(library);
        var remote = new Dictionary<RatingKey, RemoteRating>();
        foreach (var kind in new[] { RatingKind.Movie, RatingKind.Show })
        {
            var answer = await client.GetRatingsAsync(kind, cancellationToken).ConfigureAwait(false);
            if (answer.Value is not { } ratings)
            {
                return new(null, answer.Error);
            }

            foreach (var rating in ratings)
            {
                if (matcher.Match(kind, rating.Ids) is { } key)
                {
                    remote[key] = rating;
                }
            }
        }

        return new(remote, null);
    }

    private async Task<RatingsSyncResult> RunOnceAsync(string userId, TraktRatingsClient client, IReadOnlyCollection<LocalRating> library, CancellationToken cancellationToken)
    {
        var state = _store.Load(userId);
        var activity = await client.GetLastActivitiesAsync(cancellationToken).ConfigureAwait(false);
        if (activity.Value is not { } now)
        {
            return RatingsSyncResult.Failed(activity.Error ?? "Trakt's last activities could not be read.");
        }

        var pull = !state.HasSynced || now.Mark != state.Activity;
        IReadOnlyDictionary<RatingKey, RemoteRating> remote;
        if (pull)
        {
            var pulled = await PullAsync(client, library, cancellationToken).ConfigureAwait(false);
            if (pulled.Value is null)
            {
                return RatingsSyncResult.Failed(pulled.Error ?? "Trakt's ratings could not be read.");
            }

            remote = pulled.Value;
        }
        else
        {
            // Nothing changed on Trakt since the last sync: Trakt holds what the snapshot says (a failed push never
            // moved the snapshot), so no pull is needed to find local changes.
            remote = Unchanged(state.Snapshot);
        }

        var plan = RatingsMerge.Merge(library, remote, state.HasSynced ? state.Snapshot : null, state.Pending, now.Latest);

        // A title Trakt said it does not know is not sent again with the same value: each try would spend a write.
        var skipped = plan.Pushes.Where(p => state.Unknown.TryGetValue(p.Key, out var sent) && sent == p.Value).ToList();
        var pushes = plan.Pushes.Except(skipped).ToList();
        var added = pushes.Count > 0 ? await client.AddAsync(pushes, cancellationToken).ConfigureAwait(false) : _nothing;
        var removed = plan.RemoteRemovals.Count > 0 ? await client.RemoveAsync(plan.RemoteRemovals, cancellationToken).ConfigureAwait(false) : _nothing;

        // The snapshot moves only where both sides now agree. A removal Trakt did not find reached its goal (no
        // rating there); a rating it could not place did not.
        var unknown = skipped.Concat(added.NotFound).ToDictionary(c => c.Key, c => c.Value!.Value);
        var unsettled = added.Failed.Select(f => f.Change.Key)
            .Concat(removed.Failed.Select(f => f.Change.Key))
            .Concat(unknown.Keys)
            .ToHashSet();
        var snapshotChanges = plan.SnapshotChanges.Where(c => !unsettled.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value);
        var pending = added.Failed.Concat(removed.Failed)
            .Select(f => new PendingPush(
                f.Change.Key,
                f.Change.Value,
                f.Change.At,
                (state.Pending.TryGetValue(f.Change.Key, out var before) ? before.Attempts : 0) + 1,
                f.Error))
            .ToList();

        // The activity mark read before the pull is saved, not one read after the writes: a change someone makes on
        // Trakt while this sync runs must still look new next time. Our own writes move the mark too, so the next
        // sync after a push pulls once and finds nothing to do.
        _store.Save(userId, snapshotChanges, pending, unknown, now.Mark, _time.GetUtcNow());
        var removedCount = removed.Done.Count + removed.NotFound.Count;
        _logger.LogInformation(
            "Trakt ratings for user {User}: pulled {Pulled}, pushed {Pushed}, removed {Removed}, to Jellyfin {Writes} set and {Clears} cleared, {Pending} pending, {Unknown} unknown to Trakt",
            userId,
            pull,
            added.Done.Count,
            removedCount,
            plan.LocalWrites.Count,
            plan.LocalRemovals.Count,
            pending.Count,
            unknown.Count);
        return new RatingsSyncResult(null, pull, plan.LocalWrites, plan.LocalRemovals, added.Done.Count, removedCount, pending.Count, unknown.Count);
    }

    private static Dictionary<RatingKey, RemoteRating> Unchanged(IReadOnlyDictionary<RatingKey, int> snapshot) =>
        snapshot.ToDictionary(
            entry => entry.Key,
            entry => new RemoteRating(entry.Key.Value.StartsWith("show:", StringComparison.Ordinal) ? RatingKind.Show : RatingKind.Movie, new TraktIds(), entry.Value, DateTimeOffset.MinValue));
}
