using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;
using Jellyfin.Plugin.Aperture.TraktSync;
using Microsoft.Data.Sqlite;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>
/// The watchlist sync's state per user and the playlists Aperture made per user and feature. A sync's outcome is
/// saved in one transaction, so a sync killed half-way leaves the previous state and the next run redoes the work.
/// </summary>
public sealed class WatchlistSyncStore
{
    private readonly ApertureDatabase _database;

    /// <summary>
    /// Initializes a new instance of the <see cref="WatchlistSyncStore"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    public WatchlistSyncStore(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Reads a user's state.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <returns>The state.</returns>
    public WatchlistSyncState Load(Guid userId)
    {
        using var connection = _database.Open();
        var hasSynced = false;
        string? activity = null;
        string? held = null;
        var count = 0;
        using (var state = Command(connection, "SELECT activity, trakt_count, held_reason FROM trakt_watchlist_state WHERE user_id = $user", userId))
        using (var reader = state.ExecuteReader())
        {
            if (reader.Read())
            {
                hasSynced = true;
                activity = reader.IsDBNull(0) ? null : reader.GetString(0);
                count = reader.GetInt32(1);
                held = reader.IsDBNull(2) ? null : reader.GetString(2);
            }
        }

        return new WatchlistSyncState(
            hasSynced,
            activity,
            Keys(connection, "SELECT item_key FROM trakt_watchlist_snapshot WHERE user_id = $user", userId),
            Keys(connection, "SELECT item_key FROM trakt_watchlist_unknown WHERE user_id = $user", userId),
            count,
            held);
    }

    /// <summary>
    /// Saves a sync's outcome, replacing the user's snapshot and unknown titles.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="state">The new state.</param>
    /// <param name="now">The current time.</param>
    public void Save(Guid userId, WatchlistSyncState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        ReplaceKeys(connection, transaction, "trakt_watchlist_snapshot", userId, state.Snapshot);
        ReplaceKeys(connection, transaction, "trakt_watchlist_unknown", userId, state.Unknown);
        using (var upsert = Command(
            connection,
            """
            INSERT INTO trakt_watchlist_state (user_id, activity, trakt_count, held_reason, synced_at) VALUES ($user, $activity, $count, $held, $now)
            ON CONFLICT (user_id) DO UPDATE SET activity = excluded.activity, trakt_count = excluded.trakt_count, held_reason = excluded.held_reason, synced_at = excluded.synced_at
            """,
            userId,
            transaction))
        {
            upsert.Parameters.AddWithValue("$activity", (object?)state.Activity ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$count", state.TraktCount);
            upsert.Parameters.AddWithValue("$held", (object?)state.HeldReason ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$now", now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            upsert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// Lists the users whose adds are held back by an account limit, with the reason.
    /// </summary>
    /// <returns>The reasons by user.</returns>
    public IReadOnlyDictionary<Guid, string> HeldUsers()
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT user_id, held_reason FROM trakt_watchlist_state WHERE held_reason IS NOT NULL ORDER BY user_id";
        var held = new Dictionary<Guid, string>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            held[Guid.Parse(reader.GetString(0))] = reader.GetString(1);
        }

        return held;
    }

    /// <summary>
    /// Gets the playlist Aperture made for a user and feature.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="feature">The feature (see <see cref="TraktSyncFeatures"/>).</param>
    /// <returns>The playlist id, or null.</returns>
    public Guid? GetPlaylist(Guid userId, string feature)
    {
        using var connection = _database.Open();
        using var select = Command(connection, "SELECT playlist_id FROM trakt_playlists WHERE user_id = $user AND feature = $feature", userId);
        select.Parameters.AddWithValue("$feature", feature);
        return select.ExecuteScalar() is string text && Guid.TryParse(text, out var id) ? id : null;
    }

    /// <summary>
    /// Remembers the playlist Aperture made for a user and feature.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="feature">The feature.</param>
    /// <param name="playlistId">The playlist id.</param>
    public void SetPlaylist(Guid userId, string feature, Guid playlistId)
    {
        using var connection = _database.Open();
        using var upsert = Command(
            connection,
            "INSERT INTO trakt_playlists (user_id, feature, playlist_id) VALUES ($user, $feature, $id) ON CONFLICT (user_id, feature) DO UPDATE SET playlist_id = excluded.playlist_id",
            userId);
        upsert.Parameters.AddWithValue("$feature", feature);
        upsert.Parameters.AddWithValue("$id", playlistId.ToString("N"));
        upsert.ExecuteNonQuery();
    }

    /// <summary>
    /// Forgets everything about a user (when the user unlinks).
    /// </summary>
    /// <param name="userId">The user.</param>
    public void Forget(Guid userId)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var table in new[] { "trakt_watchlist_snapshot", "trakt_watchlist_unknown", "trakt_watchlist_state" })
        {
#pragma warning disable CA2100 // The table names are constants of this class.
            using var delete = Command(connection, "DELETE FROM " + table + " WHERE user_id = $user", userId, transaction);
#pragma warning restore CA2100
            delete.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static HashSet<RatingKey> Keys(SqliteConnection connection, string sql, Guid userId)
    {
        var keys = new HashSet<RatingKey>();
        using var select = Command(connection, sql, userId);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            keys.Add(new RatingKey(reader.GetString(0)));
        }

        return keys;
    }

    private static void ReplaceKeys(SqliteConnection connection, SqliteTransaction transaction, string table, Guid userId, IEnumerable<RatingKey> keys)
    {
#pragma warning disable CA2100 // The table names are constants of this class; values go in as parameters.
        using (var clear = Command(connection, "DELETE FROM " + table + " WHERE user_id = $user", userId, transaction))
        {
            clear.ExecuteNonQuery();
        }

        foreach (var key in keys)
        {
            using var insert = Command(connection, "INSERT INTO " + table + " (user_id, item_key) VALUES ($user, $key)", userId, transaction);
            insert.Parameters.AddWithValue("$key", key.Value);
            insert.ExecuteNonQuery();
        }
#pragma warning restore CA2100
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, Guid userId, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Every statement is a constant of this class; values go in as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Parameters.AddWithValue("$user", userId.ToString("N"));
        return command;
    }
}
