using System.Collections.Generic;
using System.IO;
using System.Linq;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktSync;

public sealed class SyncSchemaTests
{
    [Fact]
    public void ADatabaseFromTheSequentialSchemeGainsTheSyncTablesWithoutRerunningOldSteps()
    {
        var folder = Directory.CreateTempSubdirectory("aperture-schema-").FullName;
        try
        {
            var paths = new AperturePaths(folder);
            paths.EnsureCreated();

            // What the first scheme left behind: schema 3 and a single version row.
            using (var legacy = new SqliteConnection("Data Source=" + paths.DatabasePath))
            {
                legacy.Open();
                using var command = legacy.CreateCommand();
                command.CommandText = string.Join(";\n", Migrations.All.Where(m => m.Version <= 3).Select(m => m.Sql))
                    + ";\nCREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (3)";
                command.ExecuteNonQuery();
            }

            using var connection = new ApertureDatabase(paths, NullLogger<ApertureDatabase>.Instance).Open();
            using var versions = connection.CreateCommand();
            versions.CommandText = "SELECT version FROM schema_version ORDER BY version";
            var applied = new List<long>();
            using (var reader = versions.ExecuteReader())
            {
                while (reader.Read())
                {
                    applied.Add(reader.GetInt64(0));
                }
            }

            // The old single row stands for 1-3; every later migration (Trakt accounts 4, rating sync 93, local rating
            // change times 94, and whatever other features append) is added once.
            Assert.Equal(new long[] { 3 }.Concat(Migrations.All.Where(m => m.Version > 3).Select(m => (long)m.Version)), applied);
            Assert.Contains(94L, applied);
            using var table = connection.CreateCommand();
            table.CommandText = "SELECT COUNT(*) FROM trakt_rating_snapshot";
            Assert.Equal(0L, table.ExecuteScalar());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
