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
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Storage;
using Jellyfin.Plugin.Aperture.Tests.Core;
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
        var settings = provider.GetRequiredService<IntegrationSettingsService>();
        var admin = provider.GetRequiredService<CredentialAdmin>();
        var tester = provider.GetRequiredService<ConnectionTester>();
        var answers = new StringBuilder();

        foreach (var emulator in _emulators!.All)
        {
            var service = emulator.Name;
            var key = NewKey();
            _keys[service] = key;
            emulator.ValidKeys.Add(key);
            Assert.Null(settings.Update(new IntegrationSettings { Id = service, BaseUrl = emulator.BaseUrl.AbsoluteUri }));
            var fields = new Dictionary<string, string> { [service == "trakt" ? "clientId" : "apiKey"] = key };
            if (emulator is TraktEmulator trakt)
            {
                trakt.ClientSecret = NewKey();
                _keys["trakt-secret"] = trakt.ClientSecret;
                fields["clientSecret"] = trakt.ClientSecret;
            }

            Assert.Null(admin.Save(service, fields));
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

        // What the admin API returns.
        var integrations = new IntegrationsController(
            provider.GetRequiredService<IntegrationRegistry>(),
            provider.GetRequiredService<IntegrationStatusService>(),
            admin,
            tester,
            settings);
        answers.Append(JsonSerializer.Serialize(((OkObjectResult)integrations.GetIntegrations().Result!).Value));
        var alerts = new AlertsController(provider.GetRequiredService<AlertStore>(), provider.GetRequiredService<IntegrationRegistry>(), provider.GetRequiredService<IntegrationHealth>(), TimeProvider.System);
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

    private static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

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
