using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;

namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>The requests made through Discover, per user, until their titles arrive in the library.</summary>
public sealed class SeerrRequestLog
{
    private const string Columns = "user_id, kind, tmdb, title, seerr_user_id, requested_at, status, done_at";
    private readonly ApertureDatabase _database;

    /// <summary>Initializes a new instance of the <see cref="SeerrRequestLog"/> class.</summary>
    /// <param name="database">The plugin database.</param>
    public SeerrRequestLog(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>Records a new request (a repeated one starts open again).</summary>
    /// <param name="record">The request.</param>
    public void Record(SeerrRequestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO seerr_requests (user_id, kind, tmdb, title, seerr_user_id, requested_at, status, checked_at, done_at)
            VALUES ($user, $kind, $tmdb, $title, $seerr, $at, $status, NULL, NULL)
            ON CONFLICT (user_id, kind, tmdb) DO UPDATE SET title = excluded.title, seerr_user_id = excluded.seerr_user_id,
                requested_at = excluded.requested_at, status = excluded.status, checked_at = NULL, done_at = NULL
            """;
        Key(command, record.UserId, record.Kind, record.Tmdb);
        command.Parameters.AddWithValue("$title", record.Title);
        command.Parameters.AddWithValue("$seerr", record.SeerrUserId);
        command.Parameters.AddWithValue("$at", Text(record.RequestedAt));
        command.Parameters.AddWithValue("$status", (object?)record.Status ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    /// <summary>Stores Seerr's latest status for an open request.</summary>
    /// <param name="record">The request.</param>
    /// <param name="status">The status name.</param>
    /// <param name="now">The current time.</param>
    public void SetStatus(SeerrRequestRecord record, string status, DateTimeOffset now) =>
        Update(record, false, status, now);

    /// <summary>Marks a request done: its title is in the user's library.</summary>
    /// <param name="record">The request.</param>
    /// <param name="now">The current time.</param>
    public void MarkDone(SeerrRequestRecord record, DateTimeOffset now) =>
        Update(record, true, Text(now), now);

    /// <summary>Lists requests: one user's (newest first), or every open one.</summary>
    /// <param name="userId">The user, or null for every user's open requests.</param>
    /// <returns>The requests.</returns>
    public IReadOnlyList<SeerrRequestRecord> List(Guid? userId)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        if (userId is { } id)
        {
            select.CommandText = "SELECT " + Columns + " FROM seerr_requests WHERE user_id = $user ORDER BY requested_at DESC";
            select.Parameters.AddWithValue("$user", id.ToString("N"));
        }
        else
        {
            select.CommandText = "SELECT " + Columns + " FROM seerr_requests WHERE done_at IS NULL ORDER BY requested_at";
        }

        var records = new List<SeerrRequestRecord>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            records.Add(new SeerrRequestRecord(
                Guid.Parse(reader.GetString(0)),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetString(3),
                reader.GetInt64(4),
                Parse(reader.GetString(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : Parse(reader.GetString(7))));
        }

        return records;
    }

    private static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static void Key(SqliteCommand command, Guid userId, string kind, long tmdb)
    {
        command.Parameters.AddWithValue("$user", userId.ToString("N"));
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$tmdb", tmdb);
    }

    private void Update(SeerrRequestRecord record, bool done, string value, DateTimeOffset now)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        if (done)
        {
            command.CommandText = "UPDATE seerr_requests SET done_at = $value, checked_at = $now WHERE user_id = $user AND kind = $kind AND tmdb = $tmdb";
        }
        else
        {
            command.CommandText = "UPDATE seerr_requests SET status = $value, checked_at = $now WHERE user_id = $user AND kind = $kind AND tmdb = $tmdb";
        }

        Key(command, record.UserId, record.Kind, record.Tmdb);
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$now", Text(now));
        command.ExecuteNonQuery();
    }
}
