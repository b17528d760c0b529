using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// Each user's last picks (with reasons, for the user page), the titles they hid ("not interested") and their picks
/// playlist and last refresh.
/// </summary>
public sealed class PicksStore
{
    private readonly ApertureDatabase _database;

    /// <summary>
    /// Initializes a new instance of the <see cref="PicksStore"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    public PicksStore(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Replaces a user's picks.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="picks">The picks, best first.</param>
    public void SavePicks(Guid userId, IReadOnlyList<Pick> picks)
    {
        ArgumentNullException.ThrowIfNull(picks);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM ai_picks WHERE user_id = $user";
            clear.Parameters.AddWithValue("$user", Key(userId));
            clear.ExecuteNonQuery();
        }

        for (var i = 0; i < picks.Count; i++)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO ai_picks (user_id, position, item_id, name, reason) VALUES ($user, $position, $item, $name, $reason)";
            insert.Parameters.AddWithValue("$user", Key(userId));
            insert.Parameters.AddWithValue("$position", i);
            insert.Parameters.AddWithValue("$item", Key(picks[i].ItemId));
            insert.Parameters.AddWithValue("$name", picks[i].Name);
            insert.Parameters.AddWithValue("$reason", picks[i].Reason);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// Lists a user's picks, best first, without the ones they hid since.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <returns>The picks.</returns>
    public IReadOnlyList<Pick> Picks(Guid userId)
    {
        var picks = new List<Pick>();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p.item_id, p.name, p.reason FROM ai_picks p
            WHERE p.user_id = $user AND NOT EXISTS (SELECT 1 FROM ai_hidden h WHERE h.user_id = p.user_id AND h.item_id = p.item_id)
            ORDER BY p.position
            """;
        command.Parameters.AddWithValue("$user", Key(userId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            picks.Add(new Pick(Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2)));
        }

        return picks;
    }

    /// <summary>
    /// Hides a title from a user's picks for good.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="itemId">The title.</param>
    /// <param name="now">The current time.</param>
    public void Hide(Guid userId, Guid itemId, DateTimeOffset now)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO ai_hidden (user_id, item_id, hidden_at) VALUES ($user, $item, $now)";
        command.Parameters.AddWithValue("$user", Key(userId));
        command.Parameters.AddWithValue("$item", Key(itemId));
        command.Parameters.AddWithValue("$now", now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Lists the titles a user hid.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <returns>The ids.</returns>
    public HashSet<Guid> Hidden(Guid userId)
    {
        var hidden = new HashSet<Guid>();
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT item_id FROM ai_hidden WHERE user_id = $user";
        command.Parameters.AddWithValue("$user", Key(userId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hidden.Add(Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture));
        }

        return hidden;
    }

    /// <summary>
    /// Gets a user's last refresh.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <returns>The state, or null before the first refresh.</returns>
    public PicksState? State(Guid userId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT playlist_id, source, message, refreshed_at FROM ai_picks_state WHERE user_id = $user";
        command.Parameters.AddWithValue("$user", Key(userId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new PicksState(
            reader.IsDBNull(0) ? null : Guid.Parse(reader.GetString(0), CultureInfo.InvariantCulture),
            reader.GetString(1),
            reader.GetString(2),
            DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    /// <summary>
    /// Records a user's refresh.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="state">The state.</param>
    public void SaveState(Guid userId, PicksState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ai_picks_state (user_id, playlist_id, source, message, refreshed_at) VALUES ($user, $playlist, $source, $message, $at)
            ON CONFLICT (user_id) DO UPDATE SET playlist_id = excluded.playlist_id, source = excluded.source, message = excluded.message, refreshed_at = excluded.refreshed_at
            """;
        command.Parameters.AddWithValue("$user", Key(userId));
        command.Parameters.AddWithValue("$playlist", state.PlaylistId is { } id ? Key(id) : DBNull.Value);
        command.Parameters.AddWithValue("$source", state.Source);
        command.Parameters.AddWithValue("$message", state.Message);
        command.Parameters.AddWithValue("$at", state.RefreshedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    private static string Key(Guid id) => id.ToString("N", CultureInfo.InvariantCulture);
}
