using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;

namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>
/// Persists alerts: at most one open alert per (service, kind), counted and time-stamped while it repeats.
/// </summary>
public sealed class AlertStore
{
    private const string Columns = "id, service, kind, severity, message, action, count, first_seen, last_seen, reset_at, resolved_at, resolution, scope";
    private readonly ApertureDatabase _database;

    /// <summary>
    /// Initializes a new instance of the <see cref="AlertStore"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    public AlertStore(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Opens an alert, or counts one more occurrence of the open alert of the same service and kind.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="severity">The severity.</param>
    /// <param name="message">What happened.</param>
    /// <param name="action">What to do.</param>
    /// <param name="resetAt">When a quota resets, if known.</param>
    /// <param name="now">The current time.</param>
    /// <param name="scope">Whose account it is about (a Jellyfin user id), or null for the service as a whole.</param>
    /// <returns>The alert, and whether it is new.</returns>
    public (Alert Alert, bool IsNew) Open(string service, AlertKind kind, AlertSeverity severity, string message, string action, DateTimeOffset? resetAt, DateTimeOffset now, string? scope = null)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = """
                UPDATE alerts SET count = count + 1, last_seen = $now, message = $message, action = $action, reset_at = $reset
                WHERE service = $service AND kind = $kind AND scope = $scope AND resolved_at IS NULL
                """;
            AddCommon(update, service, kind, message, action, resetAt, now, scope);
            if (update.ExecuteNonQuery() > 0)
            {
                var existing = FindOpen(connection, transaction, service, kind, scope)!;
                transaction.Commit();
                return (existing, false);
            }
        }

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO alerts (service, kind, severity, message, action, count, first_seen, last_seen, reset_at, scope)
                VALUES ($service, $kind, $severity, $message, $action, 1, $now, $now, $reset, $scope)
                """;
            AddCommon(insert, service, kind, message, action, resetAt, now, scope);
            insert.Parameters.AddWithValue("$severity", severity.ToString());
            insert.ExecuteNonQuery();
        }

        var created = FindOpen(connection, transaction, service, kind, scope)!;
        transaction.Commit();
        return (created, true);
    }

    /// <summary>
    /// Closes every open alert of a service but an account limit (recovery, or new credentials).
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="resolution">Why they close.</param>
    /// <param name="now">The current time.</param>
    /// <param name="keepScoped">Leaves alerts about one account open (the service recovering says nothing about one user's account limit).</param>
    /// <returns>The alerts that were closed.</returns>
    public IReadOnlyList<Alert> ResolveAll(string service, string resolution, DateTimeOffset now, bool keepScoped = false)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();

        // An account limit is closed only by what met it (that user's next write, or the feature's own check): a
        // successful call says nothing about it, reads work over the limit. With keepScoped, an alert about one
        // account (a user's rate limit) stays open too.
        var keep = keepScoped ? 1 : 0;
        const string Where = "service = $service AND kind <> 'AccountLimit' AND ($keep = 0 OR scope = '') AND resolved_at IS NULL";
        var open = Query(connection, transaction, Where, ("$service", service), ("$keep", keep));
        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE alerts SET resolved_at = $now, resolution = $resolution WHERE " + Where;
            update.Parameters.AddWithValue("$now", Format(now));
            update.Parameters.AddWithValue("$resolution", resolution);
            update.Parameters.AddWithValue("$service", service);
            update.Parameters.AddWithValue("$keep", keep);
            update.ExecuteNonQuery();
        }

        transaction.Commit();
        return open;
    }

    /// <summary>
    /// Closes the open alert of one kind about one account (its problem is over), if there is one.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="scope">Whose account (a Jellyfin user id).</param>
    /// <param name="resolution">Why it closes.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The closed alert, or null when none was open.</returns>
    public Alert? Resolve(string service, AlertKind kind, string scope, string resolution, DateTimeOffset now)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        var open = FindOpen(connection, transaction, service, kind, scope);
        if (open is null)
        {
            return null;
        }

        using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = "UPDATE alerts SET resolved_at = $now, resolution = $resolution WHERE id = $id";
            update.Parameters.AddWithValue("$now", Format(now));
            update.Parameters.AddWithValue("$resolution", resolution);
            update.Parameters.AddWithValue("$id", open.Id);
            update.ExecuteNonQuery();
        }

        transaction.Commit();
        return open;
    }

    /// <summary>
    /// Dismisses one open alert.
    /// </summary>
    /// <param name="id">The alert id.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The dismissed alert, or null when no open alert has that id.</returns>
    public Alert? Dismiss(long id, DateTimeOffset now)
    {
        using var connection = _database.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE alerts SET resolved_at = $now, resolution = 'dismissed' WHERE id = $id AND resolved_at IS NULL";
        update.Parameters.AddWithValue("$now", Format(now));
        update.Parameters.AddWithValue("$id", id);
        if (update.ExecuteNonQuery() == 0)
        {
            return null;
        }

        var rows = Query(connection, null, "id = $id", ("$id", id));
        return rows.Count == 1 ? rows[0] : null;
    }

    /// <summary>
    /// Deletes alerts resolved before a time, so the table does not grow for ever.
    /// </summary>
    /// <param name="before">Resolved before this time.</param>
    /// <returns>How many were deleted.</returns>
    public int PruneResolved(DateTimeOffset before)
    {
        using var connection = _database.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM alerts WHERE resolved_at IS NOT NULL AND resolved_at < $before";
        delete.Parameters.AddWithValue("$before", before.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return delete.ExecuteNonQuery();
    }

    /// <summary>
    /// Closes the open alert of one service and kind, when the condition behind it is gone.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="resolution">Why it closes.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The alert that was closed, or null when none was open.</returns>
    public Alert? Resolve(string service, AlertKind kind, string resolution, DateTimeOffset now)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        var open = FindOpen(connection, transaction, service, kind, null);
        if (open is not null)
        {
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE alerts SET resolved_at = $now, resolution = $resolution WHERE id = $id";
            update.Parameters.AddWithValue("$now", Format(now));
            update.Parameters.AddWithValue("$resolution", resolution);
            update.Parameters.AddWithValue("$id", open.Id);
            update.ExecuteNonQuery();
        }

        transaction.Commit();
        return open;
    }

    /// <summary>
    /// Lists the open alerts, most severe and most recent first.
    /// </summary>
    /// <returns>The open alerts.</returns>
    public IReadOnlyList<Alert> ListOpen()
    {
        using var connection = _database.Open();
        return Query(connection, null, "resolved_at IS NULL ORDER BY CASE severity WHEN 'Error' THEN 0 WHEN 'Warning' THEN 1 ELSE 2 END, last_seen DESC");
    }

    /// <summary>
    /// Lists the open alerts about one account of a service, most recent first.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="scope">Whose account (a Jellyfin user id, no dashes).</param>
    /// <returns>The open alerts.</returns>
    public IReadOnlyList<Alert> ListOpen(string service, string scope)
    {
        using var connection = _database.Open();
        return Query(connection, null, "service = $service AND scope = $scope AND resolved_at IS NULL ORDER BY last_seen DESC", ("$service", service), ("$scope", scope));
    }

    private static Alert? FindOpen(SqliteConnection connection, SqliteTransaction transaction, string service, AlertKind kind, string? scope)
    {
        var rows = Query(
            connection,
            transaction,
            "service = $service AND kind = $kind AND scope = $scope AND resolved_at IS NULL",
            ("$service", service),
            ("$kind", kind.ToString()),
            ("$scope", scope ?? string.Empty));
        return rows.Count > 0 ? rows[0] : null;
    }

    private static List<Alert> Query(SqliteConnection connection, SqliteTransaction? transaction, string where, params (string Name, object Value)[] parameters)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
#pragma warning disable CA2100 // The WHERE clauses are constants of this class; values are parameters.
        select.CommandText = "SELECT " + Columns + " FROM alerts WHERE " + where;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            select.Parameters.AddWithValue(name, value);
        }

        var alerts = new List<Alert>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            alerts.Add(new Alert(
                reader.GetInt64(0),
                reader.GetString(1),
                Enum.Parse<AlertKind>(reader.GetString(2)),
                Enum.Parse<AlertSeverity>(reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetInt32(6),
                Parse(reader.GetString(7)),
                Parse(reader.GetString(8)),
                reader.IsDBNull(9) ? null : Parse(reader.GetString(9)),
                reader.IsDBNull(10) ? null : Parse(reader.GetString(10)),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.GetString(12) is { Length: > 0 } scope ? scope : null));
        }

        return alerts;
    }

    private static void AddCommon(SqliteCommand command, string service, AlertKind kind, string message, string action, DateTimeOffset? resetAt, DateTimeOffset now, string? scope)
    {
        command.Parameters.AddWithValue("$scope", scope ?? string.Empty);
        command.Parameters.AddWithValue("$service", service);
        command.Parameters.AddWithValue("$kind", kind.ToString());
        command.Parameters.AddWithValue("$message", message);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$reset", resetAt is null ? DBNull.Value : Format(resetAt.Value));
        command.Parameters.AddWithValue("$now", Format(now));
    }

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
