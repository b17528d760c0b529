using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Serialization;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Api;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Storage;
using Jellyfin.Plugin.Aperture.Tests.Core;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Security;

/// <summary>
/// Saves a real-looking key for every service, uses them (good tests, refused tests, candidate tests, outages)
/// with logging at Trace, then scans everything an admin or an attacker could read: the settings XML, every file
/// in the data folder (database, WAL, key file), every log line and every API answer. No key may appear.
/// </summary>
public sealed class SecretLeakScanTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("aperture-leak-").FullName;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly Dictionary<string, string> _keys = new();
    private EmulatorSet? _emulators;
    private ServiceProvider? _provider;

    public async Task InitializeAsync()
    {
        _emulators = await EmulatorSet.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(new AperturePaths(Path.Combine(_dataDirectory, "Aperture")));
        services.AddSingleton<IPluginConfigurationStore>(new XmlFileConfigurationStore(Path.Combine(_dataDirectory, "Jellyfin.Plugin.Aperture.xml")));
        services.AddSingleton(new Jellyfin.Plugin.Aperture.Http.UpstreamPipelineOptions { MaxAttempts = 1 });
        ApertureServices.Add(services);
        _provider = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        if (_emulators is not null)
        {
            await _emulators.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task SavedKeysAppearNowhereInPlaintext()
    {
        var provider = _provider!;
        var tester = provider.GetRequiredService<ConnectionTester>();
        var answers = new StringBuilder();

        foreach (var emulator in _emulators!.All)
        {
            var service = emulator.Name;
            SaveKey(emulator);
            var (works, _) = await tester.TestAsync(service, null, null, CancellationToken.None);
            Assert.True(works!.Succeeded, service + ": " + works.Message);
            answers.Append(JsonSerializer.Serialize(works));

            // A candidate key that is refused, then an outage, so errors and alerts are written too.
            var candidate = NewKey();
            _keys[service + "-candidate"] = candidate;
            var (refused, _) = await tester.TestAsync(service, new Dictionary<string, string> { [service == "trakt" ? "clientId" : "apiKey"] = candidate }, null, CancellationToken.None);
            answers.Append(JsonSerializer.Serialize(refused));
            emulator.Mode = FaultMode.BadKey;
            var (bad, _) = await tester.TestAsync(service, null, null, CancellationToken.None);
            answers.Append(JsonSerializer.Serialize(bad));
            emulator.Mode = FaultMode.Outage;
            await tester.TestAsync(service, null, null, CancellationToken.None);
            emulator.Mode = FaultMode.None;
        }

        // Users link Trakt: device codes and tokens are issued, one token is refreshed, one user unlinks, and the
        // user and admin APIs report the states. None of those secrets may appear either.
        await LinkTraktUsersAsync(provider, answers);

        // What the admin API returns.
        var integrations = ActivatorUtilities.CreateInstance<IntegrationsController>(provider);
        answers.Append(JsonSerializer.Serialize(((OkObjectResult)integrations.GetIntegrations().Result!).Value));
        var alerts = new AlertsController(provider.GetRequiredService<AlertStore>(), provider.GetRequiredService<IntegrationRegistry>(), provider.GetRequiredService<IntegrationHealth>(), TimeProvider.System, new NoUsers(), provider.GetRequiredService<ILogger<AlertsController>>());
        answers.Append(JsonSerializer.Serialize(((OkObjectResult)alerts.GetAlerts().Result!).Value));
        Assert.NotEmpty(provider.GetRequiredService<AlertStore>().ListOpen());

        SqliteConnection.ClearAllPools();
        var places = new Dictionary<string, string> { ["API answers"] = answers.ToString(), ["logs at Trace"] = _logs.AllText };
        foreach (var file in Directory.GetFiles(_dataDirectory, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            places[Path.GetFileName(file)] = Encoding.UTF8.GetString(bytes) + Encoding.Unicode.GetString(bytes) + Convert.ToHexString(bytes);
        }

        Assert.Contains("Jellyfin.Plugin.Aperture.xml", places.Keys);
        Assert.Contains("aperture.db", places.Keys);
        Assert.Contains("Debug", _logs.AllText, StringComparison.Ordinal);
        foreach (var (place, text) in places)
        {
            foreach (var (name, key) in _keys)
            {
                Assert.False(text.Contains(key, StringComparison.OrdinalIgnoreCase), $"The {name} key appears in {place}.");
            }
        }
    }

    [Fact]
    public async Task AStoredKeyIsNeverSentToANewHost()
    {
        // Someone with an admin token points each service at a host of their own (a second set of emulators, which
        // record every request) and tries to make Aperture send it the saved key.
        await using var newHosts = await EmulatorSet.StartAsync();
        var provider = _provider!;
        var api = ActivatorUtilities.CreateInstance<IntegrationsController>(provider);
        var settings = provider.GetRequiredService<IntegrationSettingsService>();
        var tester = provider.GetRequiredService<ConnectionTester>();
        foreach (var emulator in _emulators!.All)
        {
            var service = emulator.Name;
            var newHost = newHosts.All.Single(e => e.Name == service).BaseUrl.AbsoluteUri;
            SaveKey(emulator);

            // A test against the new host with nothing typed, or with only part of the credentials, is refused.
            Assert.IsType<BadRequestObjectResult>((await api.Test(service, new CredentialsRequest { BaseUrl = newHost }, CancellationToken.None)).Result);
            if (service == "trakt")
            {
                var partial = new CredentialsRequest { BaseUrl = newHost, Fields = new() { ["clientId"] = NewKey() } };
                Assert.IsType<BadRequestObjectResult>((await api.Test(service, partial, CancellationToken.None)).Result);
            }

            // Saving the new host without the key again is refused: the service keeps its address and its key.
            Assert.IsType<BadRequestObjectResult>(api.SaveSettings(service, new SettingsRequest { BaseUrl = newHost }).Result);
            Assert.Equal(emulator.BaseUrl.AbsoluteUri, settings.GetBaseUrl(service)!.AbsoluteUri);
            var (works, _) = await tester.TestAsync(service, null, null, CancellationToken.None);
            Assert.True(works!.Succeeded, service + ": " + works.Message);

            // With the key typed again the service moves, and from then on only that key goes to the new host.
            var moved = api.SaveSettings(service, new SettingsRequest { BaseUrl = newHost, Fields = Fields(service, NewKey(), NewKey()) });
            Assert.IsType<OkObjectResult>(moved.Result);
            await tester.TestAsync(service, null, null, CancellationToken.None);
        }

        var received = newHosts.All.SelectMany(e => e.Requests).ToList();
        Assert.NotEmpty(received);
        foreach (var request in received)
        {
            var text = request.Path + request.QueryString + string.Join("\n", request.Headers.Values);
            foreach (var (name, key) in _keys)
            {
                Assert.False(text.Contains(key, StringComparison.OrdinalIgnoreCase), $"The saved {name} key was sent to a new host ({request}).");
            }
        }
    }

    private async Task LinkTraktUsersAsync(IServiceProvider provider, StringBuilder answers)
    {
        var trakt = _emulators!.All.OfType<TraktEmulator>().Single();
        trakt.AutoApproveDeviceCodes = true;
        var link = provider.GetRequiredService<TraktDeviceLink>();
        var codes = provider.GetRequiredService<TraktDeviceCodeStore>();
        var accounts = provider.GetRequiredService<TraktAccountStore>();
        var (leaving, staying) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var user in new[] { leaving, staying })
        {
            var start = await link.StartAsync(user, CancellationToken.None);
            Assert.True(start.Started, start.Message);

            // The real clock is not moved by the test: the poll is allowed now instead of after Trakt's interval.
            codes.Save(user, start.Pending! with { NextPollAt = DateTimeOffset.MinValue });
            var userApi = new UserTraktController(provider.GetRequiredService<TraktLinkStatusReader>(), link, provider.GetRequiredService<TraktUnlink>(), provider.GetRequiredService<Jellyfin.Plugin.Aperture.TraktSync.TraktSyncLog>(), provider.GetRequiredService<AlertStore>())
            {
                ControllerContext = new ControllerContext
                {
                    HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
                    {
                        User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("Jellyfin-UserId", user.ToString())], "Test")),
                    },
                },
            };
            answers.Append(JsonSerializer.Serialize(((OkObjectResult)(await userApi.PollLink(CancellationToken.None)).Result!).Value));
            answers.Append(JsonSerializer.Serialize(((OkObjectResult)userApi.GetStatus().Result!).Value));
            var tokens = accounts.Get(user)!.Tokens!;
            _keys["trakt-access-" + user] = tokens.AccessToken;
            _keys["trakt-refresh-" + user] = tokens.RefreshToken;
        }

        foreach (var code in trakt.IssuedDeviceCodes)
        {
            _keys["trakt-device-code-" + code[..6]] = code;
        }

        var refreshed = await provider.GetRequiredService<TraktUserTokens>().RefreshAfterRefusalAsync(staying, _keys["trakt-access-" + staying], CancellationToken.None);
        Assert.Equal(TraktAccessStatus.Valid, refreshed.Status);
        _keys["trakt-access-refreshed"] = refreshed.AccessToken!;
        _keys["trakt-refresh-refreshed"] = accounts.Get(staying)!.Tokens!.RefreshToken;
        var unlinked = await provider.GetRequiredService<TraktUnlink>().UnlinkAsync(leaving, CancellationToken.None);
        Assert.True(unlinked.Revoked, unlinked.Message);
        answers.Append(JsonSerializer.Serialize(unlinked));
        var admin = new TraktAccountsController(
            provider.GetRequiredService<TraktLinkStatusReader>(),
            provider.GetRequiredService<TraktUnlink>(),
            new NoUsers(),
            provider.GetRequiredService<ILogger<TraktAccountsController>>(),
            provider.GetRequiredService<Jellyfin.Plugin.Aperture.TraktSync.TraktSyncLog>());
        answers.Append(JsonSerializer.Serialize(((OkObjectResult)admin.GetUsers().Result!).Value));
    }

    private static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private static Dictionary<string, string> Fields(string service, string key, string secret) => service == "trakt"
        ? new Dictionary<string, string> { ["clientId"] = key, ["clientSecret"] = secret }
        : new Dictionary<string, string> { ["apiKey"] = key };

    /// <summary>Points a service at its emulator and saves a fresh key the emulator accepts (remembered in <see cref="_keys"/>).</summary>
    private void SaveKey(ServiceEmulator emulator)
    {
        var service = emulator.Name;
        var key = NewKey();
        _keys[service] = key;
        emulator.ValidKeys.Add(key);
        var provider = _provider!;
        Assert.Null(provider.GetRequiredService<IntegrationSettingsService>().Update(new IntegrationSettings { Id = service, BaseUrl = emulator.BaseUrl.AbsoluteUri }));
        var secret = NewKey();
        if (emulator is TraktEmulator trakt)
        {
            trakt.ClientSecret = secret;
            _keys["trakt-secret"] = secret;
        }

        Assert.Null(provider.GetRequiredService<CredentialAdmin>().Save(service, Fields(service, key, secret)));
    }

    private sealed class NoUsers : Fakes.UserManagerStub
    {
        public IEnumerable<Jellyfin.Database.Implementations.Entities.User> GetUsers() => [];
    }

    /// <summary>Saves the settings as Jellyfin does: XML in the plugin configurations folder.</summary>
    private sealed class XmlFileConfigurationStore(string path) : IPluginConfigurationStore
    {
        public PluginConfiguration Current { get; private set; } = new();

        public void Save(PluginConfiguration configuration)
        {
            Current = configuration;
            using var stream = File.Create(path);
            new XmlSerializer(typeof(PluginConfiguration)).Serialize(stream, configuration);
        }
    }
}
