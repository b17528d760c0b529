using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;

namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>
/// The titles each source wants that the library lacks, stored for Discovery. A source replaces its whole list in one
/// transaction after a successful read, so a failed or partial read never clears what was found before.
/// </summary>
public sealed class MissingTitleStore
{
    private readonly ApertureDatabase _database;

    /// <summary>
    /// Initializes a new instance of the <see cref="MissingTitleStore"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    public MissingTitleStore(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Replaces one list's missing titles. Call it only with a complete, successful read.
    /// </summary>
    /// <param name="source">The source (see <see cref="MissingTitleSources"/>).</param>
    /// <param name="list">The list within the source.</param>
    /// <param name="userId">The user the list belongs to, or null for a server-wide list.</param>
    /// <param name="titles">Every missing title of the list now; empty clears the list.</param>
    /// <param name="now">The current time.</param>
    public void Replace(string source, string list, Guid? userId, IReadOnlyList<MissingTitle> titles, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(list);
        ArgumentNullException.ThrowIfNull(titles);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM missing_titles WHERE source = $source AND list = $list AND user_id = $user";
            AddScope(clear, source, list, userId);
            clear.ExecuteNonQuery();
        }

        var position = 0;
        foreach (var title in titles)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO missing_titles (source, list, user_id, position, kind, title, year, imdb, tmdb, tvdb, rank, updated_at)
                VALUES ($source, $list, $user, $position, $kind, $title, $year, $imdb, $tmdb, $tvdb, $rank, $now)
                """;
            AddScope(insert, source, list, userId);
            insert.Parameters.AddWithValue("$position", position++);
            insert.Parameters.AddWithValue("$kind", title.Kind);
            insert.Parameters.AddWithValue("$title", title.Title);
            insert.Parameters.AddWithValue("$year", (object?)title.Year ?? DBNull.Value);
            insert.Parameters.AddWithValue("$imdb", (object?)title.Imdb ?? DBNull.Value);
            insert.Parameters.AddWithValue("$tmdb", (object?)title.Tmdb ?? DBNull.Value);
            insert.Parameters.AddWithValue("$tvdb", (object?)title.Tvdb ?? DBNull.Value);
            insert.Parameters.AddWithValue("$rank", title.Rank);
            insert.Parameters.AddWithValue("$now", now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// Removes every list a user's source stored (for example when the user unlinks Trakt).
    /// </summary>
    /// <param name="source">The source.</param>
    /// <param name="userId">The user.</param>
    public void Forget(string source, Guid userId)
    {
        using var connection = _database.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM missing_titles WHERE source = $source AND user_id = $user";
        delete.Parameters.AddWithValue("$source", source);
        delete.Parameters.AddWithValue("$user", UserKey(userId));
        delete.ExecuteNonQuery();
    }

    /// <summary>
    /// Lists what a user may see: their own lists and the server-wide ones, each list in its stored order.
    /// </summary>
    /// <param name="userId">The user, or null for server-wide lists only.</param>
    /// <param name="source">Only this source, or null for all.</param>
    /// <returns>The entries.</returns>
    public IReadOnlyList<MissingTitleEntry> List(Guid? userId, string? source = null)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT source, list, user_id, kind, title, year, imdb, tmdb, tvdb, rank, updated_at FROM missing_titles
            WHERE (user_id = '' OR user_id = $user) AND ($source IS NULL OR source = $source)
            ORDER BY source, list, user_id, position
            """;
        select.Parameters.AddWithValue("$user", UserKey(userId));
        select.Parameters.AddWithValue("$source", (object?)source ?? DBNull.Value);
        var entries = new List<MissingTitleEntry>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var owner = reader.GetString(2);
            var title = new MissingTitle(
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetInt64(7),
                reader.IsDBNull(8) ? null : reader.GetInt64(8),
                reader.GetInt32(9));
            entries.Add(new MissingTitleEntry(
                reader.GetString(0),
                reader.GetString(1),
                owner.Length == 0 ? null : Guid.Parse(owner),
                title,
                DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        return entries;
    }

    // Server-wide lists are stored under '' rather than NULL, so the primary key holds them once.
    private static string UserKey(Guid? userId) => userId is { } id ? id.ToString("N") : string.Empty;

    private static void AddScope(SqliteCommand command, string source, string list, Guid? userId)
    {
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$list", list);
        command.Parameters.AddWithValue("$user", UserKey(userId));
    }
}
