using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// Persists per-item, per-service enrichment state and the run log. Each write is one transaction, so a run
/// killed half-way loses nothing and repeats nothing.
/// </summary>
public sealed class EnrichmentStore
{
    private readonly ApertureDatabase _database;

    /// <summary>
    /// Initializes a new instance of the <see cref="EnrichmentStore"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    public EnrichmentStore(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Reads every service's state of one item.
    /// </summary>
    /// <param name="itemId">The item id.</param>
    /// <returns>States by service.</returns>
    public IReadOnlyDictionary<string, EnrichmentState> GetAll(Guid itemId)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT item_id, service, status, attempts, fetched_at, next_due_at, message, payload FROM enrichment WHERE item_id = $item";
        select.Parameters.AddWithValue("$item", Key(itemId));
        var states = new Dictionary<string, EnrichmentState>(StringComparer.OrdinalIgnoreCase);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var state = ReadState(reader);
            states[state.Service] = state;
        }

        return states;
    }

    /// <summary>
    /// Reads when each item is next due with a service (items never seen are absent, so they are due).
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <returns>Next due time by item id.</returns>
    public IReadOnlyDictionary<Guid, DateTimeOffset> GetDueTimes(string service)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT item_id, next_due_at FROM enrichment WHERE service = $service";
        select.Parameters.AddWithValue("$service", service);
        var due = new Dictionary<Guid, DateTimeOffset>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            due[Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture)] = Parse(reader.GetString(1));
        }

        return due;
    }

    /// <summary>
    /// Reads every item's state with one service.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <returns>The states.</returns>
    public IReadOnlyList<EnrichmentState> GetStates(string service)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT item_id, service, status, attempts, fetched_at, next_due_at, message, payload FROM enrichment WHERE service = $service";
        select.Parameters.AddWithValue("$service", service);
        var states = new List<EnrichmentState>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            states.Add(ReadState(reader));
        }

        return states;
    }

    /// <summary>
    /// Saves one item's state with one service.
    /// </summary>
    /// <param name="state">The state.</param>
    /// <param name="now">The current time.</param>
    public void Save(EnrichmentState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var connection = _database.Open();
        using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO enrichment (item_id, service, status, attempts, fetched_at, next_due_at, message, payload, updated_at)
            VALUES ($item, $service, $status, $attempts, $fetched, $due, $message, $payload, $now)
            ON CONFLICT (item_id, service) DO UPDATE SET status = $status, attempts = $attempts, fetched_at = $fetched,
                next_due_at = $due, message = $message, payload = $payload, updated_at = $now
            """;
        upsert.Parameters.AddWithValue("$item", Key(state.ItemId));
        upsert.Parameters.AddWithValue("$service", state.Service);
        upsert.Parameters.AddWithValue("$status", state.Status.ToString());
        upsert.Parameters.AddWithValue("$attempts", state.Attempts);
        upsert.Parameters.AddWithValue("$fetched", state.FetchedAt is null ? DBNull.Value : Format(state.FetchedAt.Value));
        upsert.Parameters.AddWithValue("$due", Format(state.NextDueAt));
        upsert.Parameters.AddWithValue("$message", (object?)state.Message ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$payload", (object?)state.Payload ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$now", Format(now));
        upsert.ExecuteNonQuery();
    }

    /// <summary>
    /// Lists items whose last attempt failed or was deferred, newest first.
    /// </summary>
    /// <param name="limit">How many at most.</param>
    /// <returns>The states.</returns>
    public IReadOnlyList<EnrichmentState> ListProblems(int limit)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT item_id, service, status, attempts, fetched_at, next_due_at, message, payload FROM enrichment
            WHERE status IN ('Failed', 'Deferred') ORDER BY updated_at DESC LIMIT $limit
            """;
        select.Parameters.AddWithValue("$limit", limit);
        var states = new List<EnrichmentState>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            states.Add(ReadState(reader) with { Payload = null });
        }

        return states;
    }

    /// <summary>
    /// Records the start of a run; runs left "running" by a killed process become "interrupted".
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <returns>The run id.</returns>
    public long StartRun(DateTimeOffset now)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using (var interrupt = connection.CreateCommand())
        {
            interrupt.Transaction = transaction;
            interrupt.CommandText = "UPDATE enrichment_runs SET status = 'interrupted' WHERE status = 'running'";
            interrupt.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO enrichment_runs (started_at, status) VALUES ($now, 'running'); SELECT last_insert_rowid();";
        insert.Parameters.AddWithValue("$now", Format(now));
        var id = (long)insert.ExecuteScalar()!;
        transaction.Commit();
        return id;
    }

    /// <summary>
    /// Records the end of a run with its summary.
    /// </summary>
    /// <param name="runId">The run id.</param>
    /// <param name="status">completed or cancelled.</param>
    /// <param name="summaryJson">The summary as JSON.</param>
    /// <param name="now">The current time.</param>
    public void FinishRun(long runId, string status, string summaryJson, DateTimeOffset now)
    {
        using var connection = _database.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE enrichment_runs SET finished_at = $now, status = $status, summary = $summary WHERE id = $id";
        update.Parameters.AddWithValue("$now", Format(now));
        update.Parameters.AddWithValue("$status", status);
        update.Parameters.AddWithValue("$summary", summaryJson);
        update.Parameters.AddWithValue("$id", runId);
        update.ExecuteNonQuery();
    }

    /// <summary>
    /// Lists the latest runs, newest first.
    /// </summary>
    /// <param name="limit">How many at most.</param>
    /// <returns>(id, started, finished, status, summary JSON) per run.</returns>
    public IReadOnlyList<(long Id, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string Status, string? Summary)> ListRuns(int limit)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT id, started_at, finished_at, status, summary FROM enrichment_runs ORDER BY id DESC LIMIT $limit";
        select.Parameters.AddWithValue("$limit", limit);
        var runs = new List<(long, DateTimeOffset, DateTimeOffset?, string, string?)>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            runs.Add((
                reader.GetInt64(0),
                Parse(reader.GetString(1)),
                reader.IsDBNull(2) ? null : Parse(reader.GetString(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return runs;
    }

    /// <summary>
    /// Deletes the state of items no longer in the library (and their queue entries), and all but the newest runs.
    /// </summary>
    /// <param name="libraryIds">Every item id in the library.</param>
    /// <param name="keepRuns">How many runs to keep.</param>
    /// <returns>How many item rows were deleted.</returns>
    public int Prune(IReadOnlyCollection<Guid> libraryIds, int keepRuns)
    {
        ArgumentNullException.ThrowIfNull(libraryIds);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = "CREATE TEMP TABLE IF NOT EXISTS library_ids (item_id TEXT PRIMARY KEY); DELETE FROM library_ids;";
            create.ExecuteNonQuery();
        }

        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO library_ids (item_id) VALUES ($item)";
            var parameter = insert.Parameters.Add("$item", SqliteType.Text);
            foreach (var id in libraryIds)
            {
                parameter.Value = Key(id);
                insert.ExecuteNonQuery();
            }
        }

        int deleted;
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = """
                DELETE FROM enrichment WHERE item_id NOT IN (SELECT item_id FROM library_ids);
                DELETE FROM enrichment_queue WHERE item_id NOT IN (SELECT item_id FROM library_ids);
                DELETE FROM enrichment_runs WHERE id NOT IN (SELECT id FROM enrichment_runs ORDER BY id DESC LIMIT $keep);
                DROP TABLE library_ids;
                """;
            delete.Parameters.AddWithValue("$keep", keepRuns);
            deleted = delete.ExecuteNonQuery();
        }

        transaction.Commit();
        return deleted;
    }

    private static EnrichmentState ReadState(SqliteDataReader reader) => new(
        Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
        reader.GetString(1),
        Enum.Parse<EnrichmentStatus>(reader.GetString(2)),
        reader.GetInt32(3),
        reader.IsDBNull(4) ? null : Parse(reader.GetString(4)),
        Parse(reader.GetString(5)),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7));

    private static string Key(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
