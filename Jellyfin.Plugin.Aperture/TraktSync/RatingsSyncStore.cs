using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// One user's rating-sync state in Aperture's database: the snapshot, the pending pushes and Trakt's last activity
/// mark. A sync's outcome is saved in one transaction, so a sync killed half-way leaves the previous state, and
/// the next run simply does the work again.
/// </summary>
public sealed class RatingsSyncStore
{
    private readonly ApertureDatabase _database;

    /// <summary>
    /// Initializes a new instance of the <see cref="RatingsSyncStore"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    public RatingsSyncStore(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Reads a user's state.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <returns>The state.</returns>
    public RatingsSyncState Load(string userId)
    {
        using var connection = _database.Open();
        var hasSynced = false;
        string? activity = null;
        using (var state = Command(connection, "SELECT activity FROM trakt_rating_state WHERE user_id = $user", userId))
        using (var reader = state.ExecuteReader())
        {
            if (reader.Read())
            {
                hasSynced = true;
                activity = reader.IsDBNull(0) ? null : reader.GetString(0);
            }
        }

        var snapshot = Values(connection, "SELECT item_key, rating FROM trakt_rating_snapshot WHERE user_id = $user", userId);
        var unknown = Values(connection, "SELECT item_key, rating FROM trakt_rating_unknown WHERE user_id = $user", userId);

        var pending = new Dictionary<RatingKey, PendingPush>();
        using (var select = Command(connection, "SELECT item_key, rating, changed_at, attempts, last_error FROM trakt_rating_pending WHERE user_id = $user", userId))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = new RatingKey(reader.GetString(0));
                pending[key] = new PendingPush(
                    key,
                    reader.IsDBNull(1) ? null : reader.GetInt32(1),
                    reader.IsDBNull(2) ? null : DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                    reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4));
            }
        }

        return new RatingsSyncState(hasSynced, activity, snapshot, pending, unknown);
    }

    /// <summary>
    /// Saves a sync's outcome: snapshot changes, the complete sets of pending pushes and of titles Trakt does not
    /// know (each replacing the old set) and the activity mark.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="snapshotChanges">Snapshot entries to set (null removes one).</param>
    /// <param name="pending">Every push still pending after this sync.</param>
    /// <param name="unknown">Every local rating Trakt does not know, by the value sent.</param>
    /// <param name="activity">Trakt's rating activity mark.</param>
    /// <param name="now">The current time.</param>
    public void Save(string userId, IReadOnlyDictionary<RatingKey, int?> snapshotChanges, IEnumerable<PendingPush> pending, IReadOnlyDictionary<RatingKey, int> unknown, string? activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshotChanges);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(unknown);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (key, value) in snapshotChanges)
        {
            using var write = Command(
                connection,
                value is null
                    ? "DELETE FROM trakt_rating_snapshot WHERE user_id = $user AND item_key = $key"
                    : "INSERT INTO trakt_rating_snapshot (user_id, item_key, rating) VALUES ($user, $key, $rating) ON CONFLICT (user_id, item_key) DO UPDATE SET rating = excluded.rating",
                userId,
                transaction);
            write.Parameters.AddWithValue("$key", key.Value);
            write.Parameters.AddWithValue("$rating", (object?)value ?? DBNull.Value);
            write.ExecuteNonQuery();
        }

        using (var clear = Command(connection, "DELETE FROM trakt_rating_pending WHERE user_id = $user", userId, transaction))
        {
            clear.ExecuteNonQuery();
        }

        foreach (var push in pending)
        {
            using var insert = Command(
                connection,
                "INSERT INTO trakt_rating_pending (user_id, item_key, rating, changed_at, attempts, last_error) VALUES ($user, $key, $rating, $changed, $attempts, $error)",
                userId,
                transaction);
            insert.Parameters.AddWithValue("$key", push.Key.Value);
            insert.Parameters.AddWithValue("$rating", (object?)push.Value ?? DBNull.Value);
            insert.Parameters.AddWithValue("$changed", (object?)push.ChangedAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
            insert.Parameters.AddWithValue("$attempts", push.Attempts);
            insert.Parameters.AddWithValue("$error", (object?)push.LastError ?? DBNull.Value);
            insert.ExecuteNonQuery();
        }

        using (var clear = Command(connection, "DELETE FROM trakt_rating_unknown WHERE user_id = $user", userId, transaction))
        {
            clear.ExecuteNonQuery();
        }

        foreach (var (key, value) in unknown)
        {
            using var insert = Command(connection, "INSERT INTO trakt_rating_unknown (user_id, item_key, rating) VALUES ($user, $key, $rating)", userId, transaction);
            insert.Parameters.AddWithValue("$key", key.Value);
            insert.Parameters.AddWithValue("$rating", value);
            insert.ExecuteNonQuery();
        }

        using (var state = Command(
            connection,
            "INSERT INTO trakt_rating_state (user_id, activity, synced_at) VALUES ($user, $activity, $now) ON CONFLICT (user_id) DO UPDATE SET activity = excluded.activity, synced_at = excluded.synced_at",
            userId,
            transaction))
        {
            state.Parameters.AddWithValue("$activity", (object?)activity ?? DBNull.Value);
            state.Parameters.AddWithValue("$now", now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            state.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static Dictionary<RatingKey, int> Values(SqliteConnection connection, string sql, string userId)
    {
        var values = new Dictionary<RatingKey, int>();
        using var select = Command(connection, sql, userId);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            values[new RatingKey(reader.GetString(0))] = reader.GetInt32(1);
        }

        return values;
    }

    /// <summary>
    /// Forgets a user's sync state (snapshot, pending pushes, unknown titles, activity mark) when the user unlinks,
    /// so a later link, perhaps to another Trakt account, starts with a first sync instead of reading that account's
    /// missing ratings as removals. The local change times stay: they describe Jellyfin, not the Trakt account.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    public void Forget(string userId)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var sql in new[]
        {
            "DELETE FROM trakt_rating_snapshot WHERE user_id = $user",
            "DELETE FROM trakt_rating_pending WHERE user_id = $user",
            "DELETE FROM trakt_rating_unknown WHERE user_id = $user",
            "DELETE FROM trakt_rating_state WHERE user_id = $user",
        })
        {
            using var delete = Command(connection, sql, userId, transaction);
            delete.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, string userId, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Every statement is a constant of this class; values go in as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Parameters.AddWithValue("$user", userId);
        return command;
    }
}
