using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Storage;

/// <summary>
/// Aperture's own SQLite database. Opens short-lived connections (SQLite pools them) and applies the schema
/// migrations once, in order, each in its own transaction.
/// </summary>
public sealed class ApertureDatabase
{
    private readonly AperturePaths _paths;
    private readonly ILogger<ApertureDatabase> _logger;
    private readonly Lock _migrationLock = new();
    private bool _migrated;

    /// <summary>
    /// Initializes a new instance of the <see cref="ApertureDatabase"/> class.
    /// </summary>
    /// <param name="paths">Aperture's data paths.</param>
    /// <param name="logger">The logger.</param>
    public ApertureDatabase(AperturePaths paths, ILogger<ApertureDatabase> logger)
    {
        _paths = paths;
        _logger = logger;
    }

    /// <summary>
    /// Opens a connection to a migrated database.
    /// </summary>
    /// <returns>An open connection; the caller disposes it.</returns>
    public SqliteConnection Open()
    {
        EnsureMigrated();
        return OpenRaw();
    }

    private SqliteConnection OpenRaw()
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = _paths.DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void EnsureMigrated()
    {
        if (Volatile.Read(ref _migrated))
        {
            return;
        }

        lock (_migrationLock)
        {
            if (_migrated)
            {
                return;
            }

            _paths.EnsureCreated();
            using var connection = OpenRaw();
            using (var create = connection.CreateCommand())
            {
                create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
                create.ExecuteNonQuery();
            }

            var applied = AppliedVersions(connection);
            foreach (var migration in Migrations.All)
            {
                if (IsApplied(applied, migration.Version))
                {
                    continue;
                }

                using var transaction = connection.BeginTransaction();
                using (var migrate = connection.CreateCommand())
                {
                    migrate.Transaction = transaction;
#pragma warning disable CA2100 // Migration text is a compile-time constant of this assembly.
                    migrate.CommandText = migration.Sql;
#pragma warning restore CA2100
                    migrate.ExecuteNonQuery();
                }

                using (var stamp = connection.CreateCommand())
                {
                    stamp.Transaction = transaction;
                    stamp.CommandText = "INSERT INTO schema_version (version) VALUES ($version)";
                    stamp.Parameters.AddWithValue("$version", migration.Version);
                    stamp.ExecuteNonQuery();
                }

                transaction.Commit();
                applied.Add(migration.Version);
                _logger.LogInformation("Aperture database migrated to schema version {Version}", migration.Version);
            }

            Volatile.Write(ref _migrated, true);
        }
    }

    // The first scheme kept a single row holding the highest version; every version up to it was applied.
    private static bool IsApplied(HashSet<int> applied, int version) =>
        applied.Contains(version)
        || (version <= Migrations.LastSequentialVersion && applied.Any(v => v >= version && v <= Migrations.LastSequentialVersion));

    private static HashSet<int> AppliedVersions(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version";
        using var reader = command.ExecuteReader();
        var versions = new HashSet<int>();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
