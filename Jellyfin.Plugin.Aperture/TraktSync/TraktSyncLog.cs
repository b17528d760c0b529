using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// The last run of each Trakt feature per user ("last sync and what it did"), kept so a user and the admin can see
/// it without reading the server log.
/// </summary>
public sealed class TraktSyncLog
{
    private readonly ApertureDatabase _database;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktSyncLog"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    public TraktSyncLog(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Records a feature's run for a user, replacing the previous one.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="run">The run.</param>
    public void Record(Guid userId, TraktSyncRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var connection = _database.Open();
        using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO trakt_sync_runs (user_id, feature, ran_at, succeeded, summary) VALUES ($user, $feature, $at, $ok, $summary)
            ON CONFLICT (user_id, feature) DO UPDATE SET ran_at = excluded.ran_at, succeeded = excluded.succeeded, summary = excluded.summary
            """;
        upsert.Parameters.AddWithValue("$user", userId.ToString("N"));
        upsert.Parameters.AddWithValue("$feature", run.Feature);
        upsert.Parameters.AddWithValue("$at", run.RanAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        upsert.Parameters.AddWithValue("$ok", run.Succeeded ? 1 : 0);
        upsert.Parameters.AddWithValue("$summary", run.Summary);
        upsert.ExecuteNonQuery();
    }

    /// <summary>
    /// Reads a user's last run of each feature.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <returns>The runs, by feature name.</returns>
    public IReadOnlyList<TraktSyncRun> Read(Guid userId)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT feature, ran_at, succeeded, summary FROM trakt_sync_runs WHERE user_id = $user ORDER BY feature";
        select.Parameters.AddWithValue("$user", userId.ToString("N"));
        var runs = new List<TraktSyncRun>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            runs.Add(new TraktSyncRun(
                reader.GetString(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetInt64(2) != 0,
                reader.GetString(3)));
        }

        return runs;
    }

    /// <summary>
    /// Forgets a user's runs (when the user unlinks).
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    public void Forget(Guid userId)
    {
        using var connection = _database.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM trakt_sync_runs WHERE user_id = $user";
        delete.Parameters.AddWithValue("$user", userId.ToString("N"));
        delete.ExecuteNonQuery();
    }
}
