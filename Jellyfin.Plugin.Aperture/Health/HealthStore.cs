using System;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;

namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>
/// Persists each integration's <see cref="HealthRecord"/> so the dashboard survives a restart.
/// </summary>
public sealed class HealthStore
{
    private readonly ApertureDatabase _database;
    private readonly System.Threading.Lock _updateLock = new();

    /// <summary>
    /// Initializes a new instance of the <see cref="HealthStore"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    public HealthStore(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Reads an integration's record.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <returns>The record, or <see cref="HealthRecord.Empty"/>.</returns>
    public HealthRecord Get(string service)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT last_success_at, last_error_at, last_error, last_test_at, last_test_ok, detail FROM integration_health WHERE service = $service";
        select.Parameters.AddWithValue("$service", service);
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return HealthRecord.Empty;
        }

        return new HealthRecord(
            ReadTime(reader, 0),
            ReadTime(reader, 1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            ReadTime(reader, 3),
            reader.IsDBNull(4) ? null : reader.GetInt64(4) != 0,
            reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    /// <summary>
    /// Applies a change to an integration's record and saves it.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="change">The change.</param>
    public void Update(string service, Func<HealthRecord, HealthRecord> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_updateLock)
        {
            var record = change(Get(service));
            using var connection = _database.Open();
            using var upsert = connection.CreateCommand();
            upsert.CommandText = """
                INSERT INTO integration_health (service, last_success_at, last_error_at, last_error, last_test_at, last_test_ok, detail)
                VALUES ($service, $success, $errorAt, $error, $testAt, $testOk, $detail)
                ON CONFLICT (service) DO UPDATE SET last_success_at = $success, last_error_at = $errorAt, last_error = $error,
                    last_test_at = $testAt, last_test_ok = $testOk, detail = $detail
                """;
            upsert.Parameters.AddWithValue("$service", service);
            upsert.Parameters.AddWithValue("$success", Write(record.LastSuccessAt));
            upsert.Parameters.AddWithValue("$errorAt", Write(record.LastErrorAt));
            upsert.Parameters.AddWithValue("$error", (object?)record.LastError ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$testAt", Write(record.LastTestAt));
            upsert.Parameters.AddWithValue("$testOk", record.LastTestOk is null ? DBNull.Value : record.LastTestOk.Value ? 1 : 0);
            upsert.Parameters.AddWithValue("$detail", (object?)record.Warning ?? DBNull.Value);
            upsert.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Forgets an integration's record (its credentials were cleared).
    /// </summary>
    /// <param name="service">The integration id.</param>
    public void Delete(string service)
    {
        using var connection = _database.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM integration_health WHERE service = $service";
        delete.Parameters.AddWithValue("$service", service);
        delete.ExecuteNonQuery();
    }

    private static object Write(DateTimeOffset? time) =>
        time is null ? DBNull.Value : time.Value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ReadTime(Microsoft.Data.Sqlite.SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
