using System;
using System.IO;
using System.Linq;
using System.Text;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Core;

public sealed class CredentialStoreTests : IDisposable
{
    private const string Secret = "k3y-0f-the-adm1n-that-must-never-leak";
    private readonly TestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void SavedKeyReadsBackForTheClientButOnlyAsAMaskForEveryoneElse()
    {
        var store = _host.Get<CredentialStore>();

        store.Set("tmdb", Credentials(("apiKey", Secret)));

        Assert.Equal(Secret, store.Get("tmdb")!.Get("apiKey"));
        var state = store.GetState("tmdb");
        Assert.Equal(CredentialStatus.Set, state.Status);
        Assert.Equal("••••leak", state.Masks["apiKey"]);
        Assert.DoesNotContain(Secret, store.Get("tmdb")!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DatabaseFileHoldsCiphertextOnly()
    {
        _host.Get<CredentialStore>().Set("omdb", Credentials(("apiKey", Secret)));
        SqliteConnection.ClearAllPools();

        foreach (var file in Directory.GetFiles(_host.DataDirectory))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, Encoding.Unicode.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void KeyFileIsReadableByTheOwnerOnly()
    {
        _host.Get<CredentialStore>().Set("omdb", Credentials(("apiKey", Secret)));
        var keyFile = _host.Get<AperturePaths>().KeyFilePath;

        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }

    [Fact]
    public void CorruptKeyFileAsksForTheKeysAgainInsteadOfCrashing()
    {
        var paths = _host.Get<AperturePaths>();

        _host.Get<CredentialStore>().Set("trakt", Credentials(("clientId", "client-id-value-1234"), ("clientSecret", Secret)));
        File.WriteAllBytes(paths.KeyFilePath, new byte[] { 1, 2, 3 });
        var cipher = new CredentialCipher(paths, Microsoft.Extensions.Logging.Abstractions.NullLogger<CredentialCipher>.Instance);
        var store = new CredentialStore(_host.Get<ApertureDatabase>(), cipher, new SecretRedactor(), TimeProvider.System);

        var state = store.GetState("trakt");

        Assert.Equal(CredentialStatus.Unreadable, state.Status);
        Assert.Null(store.Get("trakt"));
        Assert.Single(Directory.GetFiles(paths.DataDirectory, "aperture.key.unreadable-*"));

        // Re-entering the key works with the new key file.
        store.Set("trakt", Credentials(("clientId", "client-id-value-1234"), ("clientSecret", Secret)));
        Assert.Equal(CredentialStatus.Set, store.GetState("trakt").Status);
    }

    [Fact]
    public void CiphertextMovedToAnotherFieldDoesNotDecrypt()
    {
        var cipher = _host.Get<CredentialCipher>();
        var sealedValue = cipher.Encrypt(Secret, "tmdb/apikey");

        Assert.True(cipher.TryDecrypt(sealedValue, "tmdb/apikey", out var clear));
        Assert.Equal(Secret, clear);
        Assert.False(cipher.TryDecrypt(sealedValue, "omdb/apikey", out _));
        Assert.False(cipher.TryDecrypt("v1:not-base64!", "tmdb/apikey", out _));
    }

    [Fact]
    public void ClearRemovesTheKey()
    {
        var store = _host.Get<CredentialStore>();
        store.Set("seerr", Credentials(("apiKey", Secret)));

        store.Clear("seerr");

        Assert.Equal(CredentialStatus.NotSet, store.GetState("seerr").Status);
        Assert.Null(store.Get("seerr"));
    }

    [Fact]
    public void RedactorRemovesKnownSecretsAndKeyLookingValues()
    {
        var redactor = _host.Get<SecretRedactor>();
        _host.Get<CredentialStore>().Set("omdb", Credentials(("apiKey", Secret)));

        var text = redactor.Redact($"GET https://x/?apikey=abc123&i=tt1 failed; key {Secret}; Authorization: Bearer eyJhbGciOi.x.y; {{\"access_token\":\"tok\"}}");

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJhbGciOi", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"tok\"", text, StringComparison.Ordinal);
        Assert.Contains("i=tt1", text, StringComparison.Ordinal);
    }

    private static IntegrationCredentials Credentials(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new System.Collections.Generic.KeyValuePair<string, string>(f.Name, f.Value)));
}
