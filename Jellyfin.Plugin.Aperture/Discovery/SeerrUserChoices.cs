using System;
using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Storage;

namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>The admin's choices of Seerr user per Jellyfin user (0 = "has no Seerr account"); absent = automatic.</summary>
public sealed class SeerrUserChoices
{
    private readonly ApertureDatabase _database;

    /// <summary>Initializes a new instance of the <see cref="SeerrUserChoices"/> class.</summary>
    /// <param name="database">The plugin database.</param>
    public SeerrUserChoices(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>Gets every choice.</summary>
    /// <returns>Jellyfin user id → Seerr user id (0 = none).</returns>
    public IReadOnlyDictionary<Guid, long> All()
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT jellyfin_user_id, seerr_user_id FROM seerr_user_choices";
        var choices = new Dictionary<Guid, long>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            choices[Guid.Parse(reader.GetString(0))] = reader.GetInt64(1);
        }

        return choices;
    }

    /// <summary>Sets or clears a choice.</summary>
    /// <param name="jellyfinUserId">The Jellyfin user.</param>
    /// <param name="seerrUserId">The Seerr user id, 0 for "no Seerr account", or null to go back to automatic matching.</param>
    public void Set(Guid jellyfinUserId, long? seerrUserId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        if (seerrUserId is null)
        {
            command.CommandText = "DELETE FROM seerr_user_choices WHERE jellyfin_user_id = $user";
        }
        else
        {
            command.CommandText = "INSERT INTO seerr_user_choices (jellyfin_user_id, seerr_user_id) VALUES ($user, $seerr) ON CONFLICT (jellyfin_user_id) DO UPDATE SET seerr_user_id = excluded.seerr_user_id";
        }

        command.Parameters.AddWithValue("$user", jellyfinUserId.ToString("N"));
        command.Parameters.AddWithValue("$seerr", (object?)seerrUserId ?? DBNull.Value);
        command.ExecuteNonQuery();
    }
}
