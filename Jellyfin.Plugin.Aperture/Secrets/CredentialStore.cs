using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Storage;

namespace Jellyfin.Plugin.Aperture.Secrets;

/// <summary>
/// Stores integration credentials encrypted in the plugin database. Write-only to the outside: callers set,
/// replace or clear them, and read back only <see cref="CredentialState"/>; the decrypted values go only to the
/// integration clients.
/// </summary>
public sealed class CredentialStore
{
    private readonly ApertureDatabase _database;
    private readonly CredentialCipher _cipher;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _time;

    /// <summary>
    /// Initializes a new instance of the <see cref="CredentialStore"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    /// <param name="cipher">The credential cipher.</param>
    /// <param name="redactor">The redactor, told about every secret read or written.</param>
    /// <param name="time">The clock.</param>
    public CredentialStore(ApertureDatabase database, CredentialCipher cipher, SecretRedactor redactor, TimeProvider time)
    {
        _database = database;
        _cipher = cipher;
        _redactor = redactor;
        _time = time;
    }

    /// <summary>
    /// Builds the short mask shown for a stored secret: its last four characters when it is long enough that they
    /// give nothing away.
    /// </summary>
    /// <param name="secret">The secret.</param>
    /// <returns>The mask.</returns>
    public static string MaskOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.Length >= 16 ? "••••" + secret[^4..] : "••••";
    }

    /// <summary>
    /// Replaces all stored credential fields of an integration.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="credentials">The new credentials.</param>
    public void Set(string service, IntegrationCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        _redactor.Remember(credentials);
        var now = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM credentials WHERE service = $service";
            delete.Parameters.AddWithValue("$service", service);
            delete.ExecuteNonQuery();
        }

        foreach (var field in credentials.FieldNames)
        {
            var value = credentials.Get(field)!;
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO credentials (service, field, ciphertext, mask, updated_at) VALUES ($service, $field, $ciphertext, $mask, $now)";
            insert.Parameters.AddWithValue("$service", service);
            insert.Parameters.AddWithValue("$field", field);
            insert.Parameters.AddWithValue("$ciphertext", _cipher.Encrypt(value, Place(service, field)));
            insert.Parameters.AddWithValue("$mask", MaskOf(value));
            insert.Parameters.AddWithValue("$now", now);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// Removes an integration's credentials, which turns the integration off.
    /// </summary>
    /// <param name="service">The integration id.</param>
    public void Clear(string service)
    {
        using (var connection = _database.Open())
        using (var delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM credentials WHERE service = $service";
            delete.Parameters.AddWithValue("$service", service);
            delete.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Tells whether credentials are stored, with their masks, without decrypting more than needed.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <returns>The state.</returns>
    public CredentialState GetState(string service)
    {
        var rows = Read(service);
        if (rows.Count == 0)
        {
            return new CredentialState(CredentialStatus.NotSet, new Dictionary<string, string>());
        }

        var masks = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var readable = true;
        foreach (var (field, ciphertext, mask) in rows)
        {
            masks[field] = mask;
            readable &= _cipher.TryDecrypt(ciphertext, Place(service, field), out _);
        }

        return new CredentialState(readable ? CredentialStatus.Set : CredentialStatus.Unreadable, masks);
    }

    /// <summary>
    /// Decrypts an integration's credentials for its client.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <returns>The credentials, or null when none are stored or they cannot be decrypted.</returns>
    public IntegrationCredentials? Get(string service)
    {
        var rows = Read(service);
        if (rows.Count == 0)
        {
            return null;
        }

        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (field, ciphertext, _) in rows)
        {
            if (!_cipher.TryDecrypt(ciphertext, Place(service, field), out var value))
            {
                return null;
            }

            fields.Add(new(field, value));
        }

        var credentials = new IntegrationCredentials(fields);
        _redactor.Remember(credentials);
        return credentials;
    }

    private static string Place(string service, string field) => service + "/" + field.ToLowerInvariant();

    private List<(string Field, string Ciphertext, string Mask)> Read(string service)
    {
        var rows = new List<(string, string, string)>();
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT field, ciphertext, mask FROM credentials WHERE service = $service ORDER BY field";
        select.Parameters.AddWithValue("$service", service);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }
}
