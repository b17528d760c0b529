using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Secrets;

/// <summary>
/// AES-256-GCM encryption of stored credentials with a key kept in its own owner-only file. It protects keys
/// against a leaked settings file or database backup, not against someone who can read the whole data folder.
/// </summary>
public sealed class CredentialCipher
{
    private const string Prefix = "v1:";
    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly AperturePaths _paths;
    private readonly ILogger<CredentialCipher> _logger;
    private readonly Lock _keyLock = new();
    private byte[]? _key;

    /// <summary>
    /// Initializes a new instance of the <see cref="CredentialCipher"/> class.
    /// </summary>
    /// <param name="paths">Aperture's data paths.</param>
    /// <param name="logger">The logger.</param>
    public CredentialCipher(AperturePaths paths, ILogger<CredentialCipher> logger)
    {
        _paths = paths;
        _logger = logger;
    }

    /// <summary>
    /// Encrypts a value, bound to its place (service and field) so a ciphertext cannot be moved to another field.
    /// </summary>
    /// <param name="plaintext">The secret.</param>
    /// <param name="associatedData">Where the secret belongs, e.g. "tmdb/apiKey".</param>
    /// <returns>The versioned ciphertext.</returns>
    public string Encrypt(string plaintext, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + TagSize + clear.Length];
        using var aes = new AesGcm(GetKey(), TagSize);
        aes.Encrypt(
            nonce,
            clear,
            sealedBytes.AsSpan(NonceSize + TagSize),
            sealedBytes.AsSpan(NonceSize, TagSize),
            Encoding.UTF8.GetBytes(associatedData));
        nonce.CopyTo(sealedBytes, 0);
        CryptographicOperations.ZeroMemory(clear);
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>
    /// Decrypts a value written by <see cref="Encrypt"/>.
    /// </summary>
    /// <param name="ciphertext">The versioned ciphertext.</param>
    /// <param name="associatedData">The place the secret was stored for.</param>
    /// <param name="plaintext">The secret, when it could be decrypted.</param>
    /// <returns>False when the key file changed or the value was tampered with.</returns>
    public bool TryDecrypt(string ciphertext, string associatedData, out string plaintext)
    {
        plaintext = string.Empty;
        if (ciphertext is null || !ciphertext.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var sealedBytes = Convert.FromBase64String(ciphertext[Prefix.Length..]);
            if (sealedBytes.Length < NonceSize + TagSize)
            {
                return false;
            }

            var clear = new byte[sealedBytes.Length - NonceSize - TagSize];
            using var aes = new AesGcm(GetKey(), TagSize);
            aes.Decrypt(
                sealedBytes.AsSpan(0, NonceSize),
                sealedBytes.AsSpan(NonceSize + TagSize),
                sealedBytes.AsSpan(NonceSize, TagSize),
                clear,
                Encoding.UTF8.GetBytes(associatedData));
            plaintext = Encoding.UTF8.GetString(clear);
            CryptographicOperations.ZeroMemory(clear);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return false;
        }
    }

    // Loaded once; a failed load is not remembered, so a transient read error is retried at the next use.
    private byte[] GetKey()
    {
        var key = Volatile.Read(ref _key);
        if (key is not null)
        {
            return key;
        }

        lock (_keyLock)
        {
            _key ??= LoadOrCreateKey();
            return _key;
        }
    }

    private byte[] LoadOrCreateKey()
    {
        _paths.EnsureCreated();
        var path = _paths.KeyFilePath;
        if (File.Exists(path))
        {
            byte[] key;
            try
            {
                key = File.ReadAllBytes(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A locked file (backup tool, virus scanner) or a passing permission problem: the key in it is still
                // the only one that opens the saved keys, so it is never replaced for a read error.
                _logger.LogError("Aperture could not read its encryption key file {Path} ({Error}); it is left as it is and read again at the next use", path, ex.GetType().Name);
                throw new InvalidOperationException("Aperture could not read its encryption key file; try again. The file was left as it is.", ex);
            }

            if (key.Length == KeySize)
            {
                return key;
            }

            var aside = path + ".unreadable-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            TryMove(path, aside);
            _logger.LogError(
                "Aperture's encryption key file held no valid key and was moved to {Aside}; a new key was created. Stored API keys must be entered again.",
                aside);
        }

        var fresh = RandomNumberGenerator.GetBytes(KeySize);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(fresh);
            stream.Flush(flushToDisk: true);
        }

        _logger.LogInformation("Aperture created a new encryption key at {Path}", path);
        return fresh;
    }

    private void TryMove(string from, string to)
    {
        try
        {
            File.Move(from, to, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogError(ex, "Aperture could not move the unreadable key file aside; deleting it");
            File.Delete(from);
        }
    }
}
