using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// When each user's Jellyfin rating of an item last changed, as Aperture saw it. Jellyfin stores no such time, and the
/// merge needs one to compare with Trakt's <c>rated_at</c> when both sides changed. The value seen is kept with the
/// time, so a save that leaves the rating as it was (playback progress, a repeated like) is not a change.
/// </summary>
public sealed class LocalRatingTimes
{
    private readonly ApertureDatabase _database;

    /// <summary>
    /// Initializes a new instance of the <see cref="LocalRatingTimes"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    public LocalRatingTimes(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Records a rating a user saved, when it differs from the last one recorded (a first rating counts; a first
    /// "unrated" does not, since nothing changed).
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="itemId">The Jellyfin item id.</param>
    /// <param name="value">The rating on Trakt's scale, or null when unrated.</param>
    /// <param name="at">When it was saved.</param>
    /// <returns>True when it was a change and was recorded.</returns>
    public bool RecordIfChanged(Guid userId, Guid itemId, int? value, DateTimeOffset at)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using (var select = Command(connection, transaction, "SELECT rating FROM trakt_rating_local WHERE user_id = $user AND item_id = $item", userId, itemId))
        using (var reader = select.ExecuteReader())
        {
            var known = reader.Read();
            int? before = known && !reader.IsDBNull(0) ? reader.GetInt32(0) : null;
            if ((!known && value is null) || (known && before == value))
            {
                return false;
            }
        }

        Write(connection, transaction, userId, itemId, value, at);
        transaction.Commit();
        return true;
    }

    /// <summary>
    /// Records a rating Aperture itself wrote to Jellyfin, with the time it was made on Trakt.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="itemId">The Jellyfin item id.</param>
    /// <param name="value">The rating on Trakt's scale, or null when cleared.</param>
    /// <param name="at">When the change was made.</param>
    public void Set(Guid userId, Guid itemId, int? value, DateTimeOffset at)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        Write(connection, transaction, userId, itemId, value, at);
        transaction.Commit();
    }

    /// <summary>
    /// Reads every recorded change of a user.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <returns>The value and time per item.</returns>
    public IReadOnlyDictionary<Guid, LocalRatingTime> Load(Guid userId)
    {
        var times = new Dictionary<Guid, LocalRatingTime>();
        using var connection = _database.Open();
        using var select = Command(connection, null, "SELECT item_id, rating, changed_at FROM trakt_rating_local WHERE user_id = $user", userId, null);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            times[Guid.Parse(reader.GetString(0))] = new LocalRatingTime(
                reader.IsDBNull(1) ? null : reader.GetInt32(1),
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        }

        return times;
    }

    private static void Write(SqliteConnection connection, SqliteTransaction transaction, Guid userId, Guid itemId, int? value, DateTimeOffset at)
    {
        using var write = Command(
            connection,
            transaction,
            "INSERT INTO trakt_rating_local (user_id, item_id, rating, changed_at) VALUES ($user, $item, $rating, $at) ON CONFLICT (user_id, item_id) DO UPDATE SET rating = excluded.rating, changed_at = excluded.changed_at",
            userId,
            itemId);
        write.Parameters.AddWithValue("$rating", (object?)value ?? DBNull.Value);
        write.Parameters.AddWithValue("$at", at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        write.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, Guid userId, Guid? itemId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Every statement is a constant of this class; values go in as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Parameters.AddWithValue("$user", userId.ToString("N"));
        if (itemId is { } item)
        {
            command.Parameters.AddWithValue("$item", item.ToString("N"));
        }

        return command;
    }
}
