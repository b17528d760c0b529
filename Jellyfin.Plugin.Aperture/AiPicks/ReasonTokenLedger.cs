using System;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>Tokens AI-written reasons and AI mood tags (one shared budget) used per UTC day, kept in the database so a restart does not reset the budget.</summary>
public sealed class ReasonTokenLedger
{
    private readonly ApertureDatabase _database;

    /// <summary>
    /// Initializes a new instance of the <see cref="ReasonTokenLedger"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    public ReasonTokenLedger(ApertureDatabase database)
    {
        _database = database;
    }

    /// <summary>
    /// Gets the tokens used on a day.
    /// </summary>
    /// <param name="now">A time in the day.</param>
    /// <returns>The tokens.</returns>
    public long Used(DateTimeOffset now)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tokens FROM ai_reason_tokens WHERE day = $day";
        command.Parameters.AddWithValue("$day", Day(now));
        return command.ExecuteScalar() is long tokens ? tokens : 0;
    }

    /// <summary>
    /// Adds tokens to a day.
    /// </summary>
    /// <param name="now">A time in the day.</param>
    /// <param name="tokens">The tokens.</param>
    public void Add(DateTimeOffset now, long tokens)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO ai_reason_tokens (day, tokens) VALUES ($day, $tokens) ON CONFLICT (day) DO UPDATE SET tokens = tokens + excluded.tokens";
        command.Parameters.AddWithValue("$day", Day(now));
        command.Parameters.AddWithValue("$tokens", Math.Max(0, tokens));
        command.ExecuteNonQuery();
    }

    private static string Day(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
