using System;
using System.Collections.Generic;
using System.Linq;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// The three-way merge of one user's ratings: the library (local), Trakt (remote) and the snapshot of what both
/// sides agreed on after the last sync. Comparing each side with the snapshot tells who changed what, so:
/// <list type="bullet">
/// <item>a change on one side goes to the other, an unrating included;</item>
/// <item>nothing echoes: once both sides hold the same value there is nothing to send;</item>
/// <item>when both changed to different values, the later change wins (Trakt's <c>rated_at</c> against the local
/// change time; a tie goes to the local side, an unknown local time loses);</item>
/// <item>a pending push (a local change Trakt has not acknowledged) counts as the local side changing and wins, so a
/// pull never reverts it;</item>
/// <item>first sync (no snapshot): local ratings win, titles rated only on Trakt come to Jellyfin with Trakt's dates.</item>
/// </list>
/// Only library items take part: a snapshot entry or Trakt rating for a title not in the library is left alone, so
/// removing a file never unrates it on Trakt. Pure: no I/O, no clock.
/// </summary>
public static class RatingsMerge
{
    /// <summary>
    /// Decides what one sync does.
    /// </summary>
    /// <param name="library">Every library item of the user, rated or not (values on Trakt's scale).</param>
    /// <param name="remote">Trakt's ratings matched to library keys.</param>
    /// <param name="snapshot">The last agreed values, or null before the first sync.</param>
    /// <param name="pending">Pushes Trakt has not acknowledged yet.</param>
    /// <param name="remoteRemovedAt">The latest time a rating changed on Trakt (its last activity): a removal on Trakt has no date of its own, so this stands in for it.</param>
    /// <returns>The plan.</returns>
    public static RatingsPlan Merge(
        IEnumerable<LocalRating> library,
        IReadOnlyDictionary<RatingKey, RemoteRating> remote,
        IReadOnlyDictionary<RatingKey, int>? snapshot,
        IReadOnlyDictionary<RatingKey, PendingPush> pending,
        DateTimeOffset? remoteRemovedAt)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(pending);
        var plan = new Builder();
        foreach (var (key, local) in Distinct(library))
        {
            remote.TryGetValue(key, out var theirs);
            if (snapshot is null)
            {
                FirstSync(plan, key, local, theirs);
                continue;
            }

            int? agreed = snapshot.TryGetValue(key, out var s) ? s : null;
            pending.TryGetValue(key, out var waiting);
            Merge(plan, key, local, theirs, agreed, waiting, remoteRemovedAt);
        }

        return plan.Build();
    }

    private static void FirstSync(Builder plan, RatingKey key, LocalRating local, RemoteRating? theirs)
    {
        if (local.Value is { } mine)
        {
            if (theirs?.Value != mine)
            {
                plan.Pushes.Add(new RatingChange(key, local.Kind, local.Ids, mine, local.ChangedAt));
            }

            plan.Snapshot[key] = mine;
        }
        else if (theirs is not null)
        {
            plan.LocalWrites.Add(new RatingChange(key, local.Kind, local.Ids, theirs.Value, theirs.RatedAt));
            plan.Snapshot[key] = theirs.Value;
        }
    }

    private static void Merge(Builder plan, RatingKey key, LocalRating local, RemoteRating? theirs, int? agreed, PendingPush? waiting, DateTimeOffset? remoteRemovedAt)
    {
        var mine = local.Value;
        if (mine == theirs?.Value)
        {
            // Both sides agree (or both are unrated): record it, whatever the path to it was.
            if (agreed != mine)
            {
                plan.Snapshot[key] = mine;
            }

            return;
        }

        var localChanged = mine != agreed;
        var remoteChanged = theirs?.Value != agreed;
        if (waiting is not null && waiting.Value == mine)
        {
            localChanged = true;
            remoteChanged = false;
        }

        if (!localChanged && !remoteChanged)
        {
            return;
        }

        var localWins = localChanged && (!remoteChanged || LocalIsLater(local.ChangedAt, theirs?.RatedAt ?? remoteRemovedAt));
        if (localWins)
        {
            var change = new RatingChange(key, local.Kind, local.Ids, mine, local.ChangedAt);
            (mine is null ? plan.RemoteRemovals : plan.Pushes).Add(change);
            plan.Snapshot[key] = mine;
        }
        else
        {
            var change = new RatingChange(key, local.Kind, local.Ids, theirs?.Value, theirs?.RatedAt ?? remoteRemovedAt);
            (theirs is null ? plan.LocalRemovals : plan.LocalWrites).Add(change);
            plan.Snapshot[key] = theirs?.Value;
        }
    }

    private static bool LocalIsLater(DateTimeOffset? local, DateTimeOffset? remote) =>
        local is { } l && (remote is not { } r || l >= r);

    // Two library entries for one title (two versions of a movie) count once: the most recently changed one.
    private static IEnumerable<(RatingKey Key, LocalRating Local)> Distinct(IEnumerable<LocalRating> library) =>
        library
            .Where(item => item.Key is not null)
            .GroupBy(item => item.Key!.Value)
            .Select(group => (group.Key, group.OrderByDescending(i => i.ChangedAt ?? DateTimeOffset.MinValue).First()));

    private sealed class Builder
    {
        public List<RatingChange> Pushes { get; } = [];

        public List<RatingChange> RemoteRemovals { get; } = [];

        public List<RatingChange> LocalWrites { get; } = [];

        public List<RatingChange> LocalRemovals { get; } = [];

        public Dictionary<RatingKey, int?> Snapshot { get; } = [];

        public RatingsPlan Build() => new(Pushes, RemoteRemovals, LocalWrites, LocalRemovals, Snapshot);
    }
}
