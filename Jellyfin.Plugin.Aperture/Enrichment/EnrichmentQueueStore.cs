using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// The items a library scan left for the background lane: new items, and items whose data is stale. Persisted, so
/// a restart between the scan and the enrichment loses nothing.
/// </summary>
public sealed class EnrichmentQueueStore
{
    private readonly ApertureDatabase _database;

    /// <summary>
    /// Initializes a new instance of the <see cref="EnrichmentQueueStore"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    public EnrichmentQueueStore(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Queues an item (an item already queued keeps its place).
    /// </summary>
    /// <param name="itemId">The item id.</param>
    /// <param name="now">The current time.</param>
    public void Add(Guid itemId, DateTimeOffset now)
    {
        using var connection = _database.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO enrichment_queue (item_id, queued_at) VALUES ($item, $now) ON CONFLICT (item_id) DO NOTHING";
        insert.Parameters.AddWithValue("$item", Key(itemId));
        insert.Parameters.AddWithValue("$now", now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        insert.ExecuteNonQuery();
    }

    /// <summary>Gets how many items are queued.</summary>
    /// <returns>The count.</returns>
    public int Count()
    {
        using var connection = _database.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM enrichment_queue";
        return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Reads the queued item ids.</summary>
    /// <returns>The ids.</returns>
    public IReadOnlySet<Guid> GetAll()
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT item_id FROM enrichment_queue";
        var ids = new HashSet<Guid>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture));
        }

        return ids;
    }

    /// <summary>
    /// Takes an item off the queue once a run has handled it (whatever the outcome: a failed or deferred item is
    /// due again through its own state).
    /// </summary>
    /// <param name="itemId">The item id.</param>
    public void Remove(Guid itemId)
    {
        using var connection = _database.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM enrichment_queue WHERE item_id = $item";
        delete.Parameters.AddWithValue("$item", Key(itemId));
        delete.ExecuteNonQuery();
    }

    private static string Key(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);
}
