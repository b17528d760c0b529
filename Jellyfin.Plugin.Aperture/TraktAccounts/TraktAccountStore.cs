using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Integrations.Trakt;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;

namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// Stores each Jellyfin user's Trakt tokens, encrypted (AES-256-GCM, bound to the user and the field, so a token
/// cannot be moved to another user's row). Each write is one statement, so a new pair replaces the old one whole.
/// </summary>
public sealed class TraktAccountStore
{
    private const string UnreadableReason = "Aperture can no longer read this user's saved Trakt sign-in (its encryption key changed); link Trakt again.";

    private readonly ApertureDatabase _database;
    private readonly CredentialCipher _cipher;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _time;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktAccountStore"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    /// <param name="cipher">The cipher.</param>
    /// <param name="redactor">Told about every token read or written, so none reaches a log line.</param>
    /// <param name="time">The clock.</param>
    public TraktAccountStore(ApertureDatabase database, CredentialCipher cipher, SecretRedactor redactor, TimeProvider time)
    {
        _database = database;
        _cipher = cipher;
        _redactor = redactor;
        _time = time;
    }

    /// <summary>
    /// Reads a user's link with its tokens decrypted.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <returns>The link, or null when the user has none.</returns>
    public TraktAccount? Get(Guid userId)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT access_token, refresh_token, issued_at, expires_at, linked_at, needs_relink_at, relink_reason FROM trakt_accounts WHERE user_id = $user";
        select.Parameters.AddWithValue("$user", Key(userId));
        using var reader = select.ExecuteReader();
        return reader.Read() ? ReadAccount(userId, reader, decrypt: true) : null;
    }

    /// <summary>
    /// Lists every user's link without decrypting a token (for the admin's overview).
    /// </summary>
    /// <returns>The links.</returns>
    public IReadOnlyList<TraktAccountSummary> List() => Summaries(null);

    /// <summary>
    /// Reads one user's link without decrypting a token.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <returns>The link, or null when the user has none.</returns>
    public TraktAccountSummary? GetSummary(Guid userId) => Summaries(userId) is [var one] ? one : null;

    /// <summary>
    /// Saves a new token pair for a user (a new link or a refresh), replacing the old pair and any "link again" mark.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="tokens">The pair.</param>
    /// <param name="newLink">True for a new link (stamps the link time), false for a refresh.</param>
    public void SaveTokens(Guid userId, TraktTokenGrant tokens, bool newLink)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _redactor.Remember(tokens.AccessToken);
        _redactor.Remember(tokens.RefreshToken);
        var now = Text(_time.GetUtcNow());
        using var connection = _database.Open();
        using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO trakt_accounts (user_id, access_token, refresh_token, issued_at, expires_at, linked_at, needs_relink_at, relink_reason, updated_at)
            VALUES ($user, $access, $refresh, $issued, $expires, $now, NULL, NULL, $now)
            ON CONFLICT (user_id) DO UPDATE SET
                access_token = excluded.access_token,
                refresh_token = excluded.refresh_token,
                issued_at = excluded.issued_at,
                expires_at = excluded.expires_at,
                linked_at = CASE WHEN $newLink THEN excluded.linked_at ELSE COALESCE(trakt_accounts.linked_at, excluded.linked_at) END,
                needs_relink_at = NULL,
                relink_reason = NULL,
                updated_at = excluded.updated_at
            """;
        upsert.Parameters.AddWithValue("$user", Key(userId));
        upsert.Parameters.AddWithValue("$access", _cipher.Encrypt(tokens.AccessToken, Place(userId, "access")));
        upsert.Parameters.AddWithValue("$refresh", _cipher.Encrypt(tokens.RefreshToken, Place(userId, "refresh")));
        upsert.Parameters.AddWithValue("$issued", Text(tokens.IssuedAt));
        upsert.Parameters.AddWithValue("$expires", Text(tokens.ExpiresAt));
        upsert.Parameters.AddWithValue("$newLink", newLink);
        upsert.Parameters.AddWithValue("$now", now);
        upsert.ExecuteNonQuery();
    }

    /// <summary>
    /// Marks a user "link again": the tokens are deleted (Trakt no longer accepts them), the row stays so the user and
    /// the admin see why.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="reason">Why, for a person.</param>
    public void MarkLinkAgain(Guid userId, string reason)
    {
        var now = Text(_time.GetUtcNow());
        using var connection = _database.Open();
        using var update = connection.CreateCommand();
        update.CommandText = """
            INSERT INTO trakt_accounts (user_id, needs_relink_at, relink_reason, updated_at) VALUES ($user, $now, $reason, $now)
            ON CONFLICT (user_id) DO UPDATE SET
                access_token = NULL, refresh_token = NULL, issued_at = NULL, expires_at = NULL,
                needs_relink_at = excluded.needs_relink_at, relink_reason = excluded.relink_reason, updated_at = excluded.updated_at
            """;
        update.Parameters.AddWithValue("$user", Key(userId));
        update.Parameters.AddWithValue("$reason", reason);
        update.Parameters.AddWithValue("$now", now);
        update.ExecuteNonQuery();
    }

    /// <summary>
    /// Deletes a user's link.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <returns>True when there was one.</returns>
    public bool Delete(Guid userId)
    {
        using var connection = _database.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM trakt_accounts WHERE user_id = $user";
        delete.Parameters.AddWithValue("$user", Key(userId));
        return delete.ExecuteNonQuery() > 0;
    }

    /// <summary>Gets the key a user's rows are stored under.</summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <returns>The key.</returns>
    internal static string Key(Guid userId) => userId.ToString("N", CultureInfo.InvariantCulture);

    /// <summary>Gets the place a user's secret is bound to by the cipher.</summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="field">The field.</param>
    /// <returns>The associated data.</returns>
    internal static string Place(Guid userId, string field) => "trakt-user/" + Key(userId) + "/" + field;

    /// <summary>Formats a time for storage.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The text.</returns>
    internal static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Reads a stored time.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The time, or null.</returns>
    internal static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private List<TraktAccountSummary> Summaries(Guid? userId)
    {
        var rows = new List<TraktAccountSummary>();
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT user_id, access_token IS NOT NULL, linked_at, needs_relink_at, relink_reason FROM trakt_accounts"
            + (userId is null ? " ORDER BY user_id" : " WHERE user_id = $user");
        if (userId is { } id)
        {
            select.Parameters.AddWithValue("$user", Key(id));
        }

        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new TraktAccountSummary(
                Guid.ParseExact(reader.GetString(0), "N"),
                reader.GetBoolean(1) ? TraktLinkState.Linked : TraktLinkState.LinkAgain,
                Time(reader, 2),
                Time(reader, 3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return rows;
    }

    private TraktAccount ReadAccount(Guid userId, SqliteDataReader reader, bool decrypt)
    {
        var linkedAt = Time(reader, 4);
        var relinkSince = Time(reader, 5);
        var reason = reader.IsDBNull(6) ? null : reader.GetString(6);
        if (!decrypt || reader.IsDBNull(0) || reader.IsDBNull(1))
        {
            return new TraktAccount(userId, null, linkedAt, relinkSince, reason);
        }

        if (!_cipher.TryDecrypt(reader.GetString(0), Place(userId, "access"), out var access)
            || !_cipher.TryDecrypt(reader.GetString(1), Place(userId, "refresh"), out var refresh))
        {
            return new TraktAccount(userId, null, linkedAt, relinkSince ?? _time.GetUtcNow(), UnreadableReason);
        }

        _redactor.Remember(access);
        _redactor.Remember(refresh);
        var tokens = new TraktTokenGrant(access, refresh, Time(reader, 2) ?? DateTimeOffset.MinValue, Time(reader, 3) ?? DateTimeOffset.MinValue);
        return new TraktAccount(userId, tokens, linkedAt, relinkSince, reason);
    }
}
