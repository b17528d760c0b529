using System;
using Jellyfin.Plugin.Aperture.Integrations.Trakt;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Storage;

namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// Keeps each user's device link in progress (one per user), so a poll after a page reload or a server restart
/// continues the same code. The device code is encrypted: with the app's secret it redeems the user's tokens.
/// </summary>
public sealed class TraktDeviceCodeStore
{
    private readonly ApertureDatabase _database;
    private readonly CredentialCipher _cipher;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktDeviceCodeStore"/> class.
    /// </summary>
    /// <param name="database">The plugin database.</param>
    /// <param name="cipher">The cipher.</param>
    public TraktDeviceCodeStore(ApertureDatabase database, CredentialCipher cipher)
    {
        _database = database;
        _cipher = cipher;
    }

    /// <summary>
    /// Saves (or replaces) a user's link in progress.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="pending">The code and the next poll time.</param>
    public void Save(Guid userId, TraktPendingLink pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var code = pending.Code;
        using var connection = _database.Open();
        using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT OR REPLACE INTO trakt_device_codes (user_id, device_code, user_code, verification_url, expires_at, interval_seconds, next_poll_at)
            VALUES ($user, $device, $userCode, $url, $expires, $interval, $next)
            """;
        upsert.Parameters.AddWithValue("$user", TraktAccountStore.Key(userId));
        upsert.Parameters.AddWithValue("$device", _cipher.Encrypt(code.DeviceCode, TraktAccountStore.Place(userId, "device")));
        upsert.Parameters.AddWithValue("$userCode", code.UserCode);
        upsert.Parameters.AddWithValue("$url", code.VerificationUrl.AbsoluteUri);
        upsert.Parameters.AddWithValue("$expires", TraktAccountStore.Text(code.ExpiresAt));
        upsert.Parameters.AddWithValue("$interval", (long)code.Interval.TotalSeconds);
        upsert.Parameters.AddWithValue("$next", TraktAccountStore.Text(pending.NextPollAt));
        upsert.ExecuteNonQuery();
    }

    /// <summary>
    /// Reads a user's link in progress.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <returns>The link in progress, or null (none, or its code can no longer be decrypted).</returns>
    public TraktPendingLink? Get(Guid userId)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT device_code, user_code, verification_url, expires_at, interval_seconds, next_poll_at FROM trakt_device_codes WHERE user_id = $user";
        select.Parameters.AddWithValue("$user", TraktAccountStore.Key(userId));
        using var reader = select.ExecuteReader();
        if (!reader.Read() || !_cipher.TryDecrypt(reader.GetString(0), TraktAccountStore.Place(userId, "device"), out var deviceCode))
        {
            return null;
        }

        var code = new TraktDeviceCode(
            deviceCode,
            reader.GetString(1),
            new Uri(reader.GetString(2)),
            TraktAccountStore.Time(reader, 3)!.Value,
            TimeSpan.FromSeconds(reader.GetInt64(4)));
        return new TraktPendingLink(code, TraktAccountStore.Time(reader, 5)!.Value);
    }

    /// <summary>
    /// Deletes a user's link in progress.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    public void Delete(Guid userId)
    {
        using var connection = _database.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM trakt_device_codes WHERE user_id = $user";
        delete.Parameters.AddWithValue("$user", TraktAccountStore.Key(userId));
        delete.ExecuteNonQuery();
    }
}
