using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>
/// Top Picks' own tables: the chosen lists and the name pattern, each list's collection id and last run, and the
/// members Aperture added (so members an admin added by hand are told apart and kept).
/// </summary>
public sealed class TopPicksStore
{
    /// <summary>The default collection name; <c>{list}</c> stands for the list's name.</summary>
    public const string DefaultNamePattern = "Top Picks: {list}";

    private readonly ApertureDatabase _database;

    /// <summary>
    /// Initializes a new instance of the <see cref="TopPicksStore"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    public TopPicksStore(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>Gets the chosen lists, movies first, each kind in the order chosen.</summary>
    /// <returns>The lists.</returns>
    public IReadOnlyList<TopPicksListChoice> ListChoices()
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT list_id, kind, name, sort, genre, max_items FROM top_picks_lists ORDER BY kind, position";
        using var reader = select.ExecuteReader();
        var choices = new List<TopPicksListChoice>();
        while (reader.Read())
        {
            choices.Add(new TopPicksListChoice(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetInt32(5)));
        }

        return choices;
    }

    /// <summary>
    /// Replaces the chosen lists and the name pattern in one transaction. A list no longer chosen keeps its collection
    /// in Jellyfin (the admin deletes it there if they want), but Aperture stops managing it.
    /// </summary>
    /// <param name="choices">Every chosen list (validated by the caller).</param>
    /// <param name="namePattern">The collection name pattern.</param>
    public void SaveChoices(IReadOnlyList<TopPicksListChoice> choices, string namePattern)
    {
        ArgumentNullException.ThrowIfNull(choices);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "DELETE FROM top_picks_lists");
        var position = 0;
        foreach (var choice in choices)
        {
            Execute(
                connection,
                transaction,
                "INSERT INTO top_picks_lists (list_id, kind, name, sort, genre, max_items, position) VALUES ($id, $kind, $name, $sort, $genre, $max, $position)",
                ("$id", choice.ListId),
                ("$kind", choice.Kind),
                ("$name", choice.Name),
                ("$sort", choice.Sort),
                ("$genre", choice.Genre),
                ("$max", choice.MaxItems),
                ("$position", position++));
        }

        Execute(
            connection,
            transaction,
            "INSERT INTO top_picks_settings (id, name_pattern) VALUES (1, $pattern) ON CONFLICT (id) DO UPDATE SET name_pattern = excluded.name_pattern",
            ("$pattern", namePattern));
        transaction.Commit();
    }

    /// <summary>Gets the collection name pattern.</summary>
    /// <returns>The pattern.</returns>
    public string GetNamePattern()
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT name_pattern FROM top_picks_settings WHERE id = 1";
        return select.ExecuteScalar() as string ?? DefaultNamePattern;
    }

    /// <summary>Gets a list's state.</summary>
    /// <param name="listId">The list id.</param>
    /// <returns>The state (empty before the first run).</returns>
    public TopPicksListState GetState(string listId)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT collection_id, last_run_at, last_ok, last_summary, last_good_at, list_size, requests FROM top_picks_state WHERE list_id = $id";
        select.Parameters.AddWithValue("$id", listId);
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return new TopPicksListState(null, null, null, null, null, null, 0);
        }

        return new TopPicksListState(
            reader.IsDBNull(0) ? null : Guid.Parse(reader.GetString(0)),
            Time(reader, 1),
            reader.IsDBNull(2) ? null : reader.GetInt64(2) != 0,
            reader.IsDBNull(3) ? null : reader.GetString(3),
            Time(reader, 4),
            reader.IsDBNull(5) ? null : reader.GetInt32(5),
            reader.GetInt32(6));
    }

    /// <summary>Gets the members Aperture added to a list's collection.</summary>
    /// <param name="listId">The list id.</param>
    /// <returns>The item ids.</returns>
    public IReadOnlySet<Guid> GetAddedMembers(string listId)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT item_id FROM top_picks_members WHERE list_id = $id";
        select.Parameters.AddWithValue("$id", listId);
        using var reader = select.ExecuteReader();
        var ids = new HashSet<Guid>();
        while (reader.Read())
        {
            ids.Add(Guid.Parse(reader.GetString(0)));
        }

        return ids;
    }

    /// <summary>
    /// Records a good sync: the collection, the members Aperture is now responsible for, and the run.
    /// </summary>
    /// <param name="listId">The list id.</param>
    /// <param name="collectionId">The collection id (null when nothing matched and no collection was made).</param>
    /// <param name="members">The members Aperture added and keeps.</param>
    /// <param name="listSize">The titles the read held.</param>
    /// <param name="requests">The requests the run spent.</param>
    /// <param name="summary">What it did.</param>
    /// <param name="now">The current time.</param>
    public void RecordGood(string listId, Guid? collectionId, IReadOnlyCollection<Guid> members, int listSize, int requests, string summary, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(members);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "DELETE FROM top_picks_members WHERE list_id = $id", ("$id", listId));
        foreach (var member in members)
        {
            Execute(connection, transaction, "INSERT OR IGNORE INTO top_picks_members (list_id, item_id) VALUES ($id, $item)", ("$id", listId), ("$item", member.ToString("N")));
        }

        Execute(
            connection,
            transaction,
            """
            INSERT INTO top_picks_state (list_id, collection_id, last_run_at, last_ok, last_summary, last_good_at, list_size, requests)
            VALUES ($id, $collection, $now, 1, $summary, $now, $size, $requests)
            ON CONFLICT (list_id) DO UPDATE SET collection_id = excluded.collection_id, last_run_at = excluded.last_run_at, last_ok = 1,
                last_summary = excluded.last_summary, last_good_at = excluded.last_good_at, list_size = excluded.list_size, requests = excluded.requests
            """,
            ("$id", listId),
            ("$collection", collectionId?.ToString("N")),
            ("$now", Format(now)),
            ("$summary", summary),
            ("$size", listSize),
            ("$requests", requests));
        transaction.Commit();
    }

    /// <summary>Remembers a collection as soon as it is made, so a run that fails after that does not make a second one.</summary>
    /// <param name="listId">The list id.</param>
    /// <param name="collectionId">The collection id.</param>
    public void SetCollection(string listId, Guid collectionId)
    {
        using var connection = _database.Open();
        using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO top_picks_state (list_id, collection_id) VALUES ($id, $collection)
            ON CONFLICT (list_id) DO UPDATE SET collection_id = excluded.collection_id
            """;
        Bind(upsert, ("$id", listId), ("$collection", collectionId.ToString("N")));
        upsert.ExecuteNonQuery();
    }

    /// <summary>Records a run that left the collection as it was (failed, deferred or suspicious read).</summary>
    /// <param name="listId">The list id.</param>
    /// <param name="requests">The requests the run spent.</param>
    /// <param name="summary">Why.</param>
    /// <param name="now">The current time.</param>
    public void RecordKept(string listId, int requests, string summary, DateTimeOffset now)
    {
        using var connection = _database.Open();
        using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO top_picks_state (list_id, last_run_at, last_ok, last_summary, requests) VALUES ($id, $now, 0, $summary, $requests)
            ON CONFLICT (list_id) DO UPDATE SET last_run_at = excluded.last_run_at, last_ok = 0, last_summary = excluded.last_summary, requests = excluded.requests
            """;
        Bind(upsert, ("$id", listId), ("$now", Format(now)), ("$summary", summary), ("$requests", requests));
        upsert.ExecuteNonQuery();
    }

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Time(SqliteDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : DateTimeOffset.Parse(reader.GetString(column), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Every statement is a constant of this class; values go in as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        Bind(command, parameters);
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }
}
