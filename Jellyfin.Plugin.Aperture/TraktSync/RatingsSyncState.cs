using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>What Aperture remembers of one user's rating sync.</summary>
/// <param name="HasSynced">Whether a sync has completed before (false means the next one is a first sync).</param>
/// <param name="Activity">Trakt's rating activity mark seen at the last sync, or null.</param>
/// <param name="Snapshot">The last agreed values.</param>
/// <param name="Pending">Local changes Trakt has not acknowledged yet.</param>
/// <param name="Unknown">Local ratings Trakt answered "not found" for, by the value sent: not sent again until they change.</param>
public sealed record RatingsSyncState(
    bool HasSynced,
    string? Activity,
    IReadOnlyDictionary<RatingKey, int> Snapshot,
    IReadOnlyDictionary<RatingKey, PendingPush> Pending,
    IReadOnlyDictionary<RatingKey, int> Unknown);
