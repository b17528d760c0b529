using System;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// The persisted daily quota ledger (table <c>quota_ledger</c>): what each service used per UTC day and, when a
/// quota is spent, until when the service is parked. It survives restarts, so a restart never re-spends a quota.
/// A ledger that cannot be written is logged and the in-memory count carries on.
/// </summary>
public sealed class QuotaLedger
{
    private readonly ApertureDatabase _database;
    private readonly ILogger<QuotaLedger> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="QuotaLedger"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    /// <param name="logger">The logger.</param>
    public QuotaLedger(ApertureDatabase database, ILogger<QuotaLedger> logger)
    {
        _database = database;
        _logger = logger;
    }

    /// <summary>
    /// Loads a service's ledger row for the day of <paramref name="now"/>; a park from an earlier day that has not
    /// reset yet is carried over.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The day's state.</returns>
    internal QuotaDay Load(string service, DateTimeOffset now)
    {
        var day = QuotaDay.DayOf(now);
        try
        {
            using var connection = _database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT day, used, quota_limit, reset_at FROM quota_ledger
                WHERE service = $service AND (day = $day OR reset_at > $now)
                ORDER BY day DESC
                """;
            command.Parameters.AddWithValue("$service", service);
            command.Parameters.AddWithValue("$day", day);
            command.Parameters.AddWithValue("$now", Format(now));
            int? lastLimit = null;
            var used = 0;
            DateTimeOffset? parkedUntil = null;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var limit = reader.IsDBNull(2) ? (int?)null : reader.GetInt32(2);
                    var resetAt = reader.IsDBNull(3) ? (DateTimeOffset?)null : Parse(reader.GetString(3));
                    lastLimit ??= limit;
                    if (resetAt > now && (parkedUntil is null || resetAt > parkedUntil))
                    {
                        parkedUntil = resetAt;
                    }

                    if (reader.GetString(0) == day)
                    {
                        used = reader.GetInt32(1);
                    }
                }
            }

            return new QuotaDay(day, used, lastLimit ?? LoadLastLimit(connection, service), parkedUntil);
        }
        catch (SqliteException ex)
        {
            _logger.LogWarning(ex, "Could not read the quota ledger of {Service}; counting from zero", service);
            return new QuotaDay(day, 0, null, null);
        }
    }

    /// <summary>
    /// Saves a service's state for a day (the newest state replaces the stored one).
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="state">The state.</param>
    internal void Save(string service, QuotaDay state)
    {
        try
        {
            using var connection = _database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO quota_ledger (service, day, used, quota_limit, reset_at) VALUES ($service, $day, $used, $limit, $reset)
                ON CONFLICT (service, day) DO UPDATE SET used = excluded.used, quota_limit = excluded.quota_limit, reset_at = excluded.reset_at
                """;
            command.Parameters.AddWithValue("$service", service);
            command.Parameters.AddWithValue("$day", state.Day);
            command.Parameters.AddWithValue("$used", state.Used);
            command.Parameters.AddWithValue("$limit", (object?)state.ReportedLimit ?? DBNull.Value);
            command.Parameters.AddWithValue("$reset", state.ParkedUntil is { } reset ? Format(reset) : DBNull.Value);
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            _logger.LogWarning(ex, "Could not write the quota ledger of {Service}", service);
        }
    }

    private static int? LoadLastLimit(SqliteConnection connection, string service)
    {
        // A limit the service reported on an earlier day (MDBList's tier) still holds today until it says otherwise.
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT quota_limit FROM quota_ledger WHERE service = $service AND quota_limit IS NOT NULL ORDER BY day DESC LIMIT 1";
        command.Parameters.AddWithValue("$service", service);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    // ISO 8601 in UTC with a fixed width, so text comparison in SQL orders like time.
    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
