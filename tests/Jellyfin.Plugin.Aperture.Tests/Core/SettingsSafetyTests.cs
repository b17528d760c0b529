using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Api;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Ai;
using Jellyfin.Plugin.Aperture.Library;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Storage;
using MediaBrowser.Controller.Library;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Core;

/// <summary>
/// Issue #8 point 6: settings saves are partial, bounded, safe under concurrency, and a transient key-file error
/// never replaces the encryption key.
/// </summary>
public sealed class SettingsSafetyTests : IDisposable
{
    // What ASP.NET Core binds a request body with.
    private static readonly JsonSerializerOptions _web = new(JsonSerializerDefaults.Web);
    private readonly TestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void AnIntegrationSaveChangesOnlyTheFieldsItIsSent()
    {
        var controller = Integrations();
        Assert.IsType<OkObjectResult>(controller.SaveSettings(IntegrationIds.Ai, Body<SettingsRequest>("""{"options": {"chatModel": "llama3"}, "timeoutSeconds": 20}""")).Result);

        Assert.IsType<OkObjectResult>(controller.SaveSettings(IntegrationIds.Ai, Body<SettingsRequest>("""{"timeoutSeconds": 45}""")).Result);

        var settings = _host.Get<IntegrationSettingsService>();
        Assert.Equal("llama3", settings.GetOptions(IntegrationIds.Ai)[AiOptions.ChatModel]);
        Assert.Equal(TimeSpan.FromSeconds(45), settings.GetLimits(IntegrationIds.Ai).Timeout);

        // An explicit null puts one field back to its default and still keeps the rest.
        Assert.IsType<OkObjectResult>(controller.SaveSettings(IntegrationIds.Ai, Body<SettingsRequest>("""{"timeoutSeconds": null}""")).Result);
        Assert.Equal(_host.Get<IntegrationRegistry>().Get(IntegrationIds.Ai).Descriptor.DefaultLimits.Timeout, settings.GetLimits(IntegrationIds.Ai).Timeout);
        Assert.Equal("llama3", settings.GetOptions(IntegrationIds.Ai)[AiOptions.ChatModel]);
    }

    [Fact]
    public void AnEnrichmentSaveChangesOnlyTheFieldsItIsSent()
    {
        var controller = Enrichment();
        Assert.IsType<OkObjectResult>(controller.SaveSettings(Body<EnrichmentSettingsChange>("""{"scoreTags": true, "criticSourceOrder": "omdb,mdblist", "awards": false}""")).Result);

        Assert.IsType<OkObjectResult>(controller.SaveSettings(Body<EnrichmentSettingsChange>("""{"freshDays": 14}""")).Result);

        var current = _host.Get<EnrichmentSettingsService>().Current;
        Assert.Equal((true, "omdb,mdblist", false, 14), (current.ScoreTags, current.CriticSourceOrder, current.Awards, current.FreshDays));
    }

    [Theory]
    [InlineData("""{"timeoutSeconds": 1000000}""", "timeout")]
    [InlineData("""{"requestsPerWindow": 2000000000}""", "requests per window")]
    [InlineData("""{"windowSeconds": 100000000}""", "window")]
    [InlineData("""{"maxConcurrency": 100000}""", "at once")]
    [InlineData("""{"dailyQuota": 2000000000}""", "daily quota")]
    [InlineData("""{"writesPerSecond": 1000000}""", "writes per second")]
    public void AnIntegrationLimitAboveItsBoundIsRefusedWithAClearMessageAndNothingChanges(string body, string named)
    {
        var controller = Integrations();
        Assert.IsType<OkObjectResult>(controller.SaveSettings(IntegrationIds.Tmdb, Body<SettingsRequest>("""{"timeoutSeconds": 20}""")).Result);
        var before = _host.Get<IntegrationSettingsService>().GetLimits(IntegrationIds.Tmdb);

        var refused = Assert.IsType<BadRequestObjectResult>(controller.SaveSettings(IntegrationIds.Tmdb, Body<SettingsRequest>(body)).Result);

        Assert.Contains(named, Assert.IsType<ErrorView>(refused.Value).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, _host.Get<IntegrationSettingsService>().GetLimits(IntegrationIds.Tmdb));
    }

    [Theory]
    [InlineData("""{"freshDays": 1000000}""", "fresh")]
    [InlineData("""{"notFoundDays": 1000000}""", "not-found")]
    [InlineData("""{"retryMinutes": 2000000000}""", "retry")]
    public void AnEnrichmentNumberAboveItsBoundIsRefusedWithAClearMessageAndNothingChanges(string body, string named)
    {
        var refused = Assert.IsType<BadRequestObjectResult>(Enrichment().SaveSettings(Body<EnrichmentSettingsChange>(body)).Result);

        Assert.Contains(named, Assert.IsType<ErrorView>(refused.Value).Message, StringComparison.OrdinalIgnoreCase);
        var current = _host.Get<EnrichmentSettingsService>().Current;
        Assert.Equal((30, 7, 60), (current.FreshDays, current.NotFoundDays, current.RetryMinutes));
    }

    [Fact]
    public void ASaveSwapsInACopySoAReaderNeverSeesItsSettingsChange()
    {
        var settings = _host.Get<IntegrationSettingsService>();
        Assert.Null(settings.Update(new IntegrationSettings { Id = IntegrationIds.Tmdb, TimeoutSeconds = 20 }));
        var held = _host.Configuration.Current;
        var heldIntegrations = held.Integrations.ToList();
        var heldEnrichment = held.Enrichment;

        Assert.Null(settings.Update(new IntegrationSettings { Id = IntegrationIds.Omdb, DailyQuota = 500 }));
        Assert.Null(settings.Update(new IntegrationSettings { Id = IntegrationIds.Tmdb, TimeoutSeconds = 25 }));
        Assert.Null(_host.Get<EnrichmentSettingsService>().Update(new EnrichmentSettings { FreshDays = 9 }));

        Assert.Equal(heldIntegrations, held.Integrations);
        Assert.Equal(20, held.Integrations.Single().TimeoutSeconds);
        Assert.Same(heldEnrichment, held.Enrichment);
        Assert.Equal(30, held.Enrichment.FreshDays);
        Assert.Equal(25, settings.GetStored(IntegrationIds.Tmdb).TimeoutSeconds);
    }

    [Fact]
    public async Task ConcurrentSavesAndReadsNeverThrowAndNoSaveIsLost()
    {
        var settings = _host.Get<IntegrationSettingsService>();
        var enrichment = _host.Get<EnrichmentSettingsService>();
        var ids = new[] { IntegrationIds.Tmdb, IntegrationIds.Omdb, IntegrationIds.MdbList, IntegrationIds.Trakt };
        using var stop = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var id in ids)
                {
                    settings.GetLimits(id);
                    settings.GetOptions(id);
                }
            }
        })).ToList();
        var writers = ids.Select((id, n) => Task.Run(() =>
        {
            for (var i = 1; i <= 200; i++)
            {
                Assert.Null(settings.Update(id, s => s.DailyQuota = i));
            }
        })).Append(Task.Run(() =>
        {
            for (var i = 1; i <= 200; i++)
            {
                Assert.Null(enrichment.Update(new EnrichmentSettingsChange { FreshDays = i }));
            }
        })).ToList();

        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.All(ids, id => Assert.Equal(200, settings.GetLimits(id).DailyQuota));
        Assert.Equal(200, enrichment.Current.FreshDays);
    }

    [Fact]
    public void ATransientReadErrorOnTheKeyFileNeverReplacesTheKey()
    {
        var paths = _host.Get<AperturePaths>();
        var store = _host.Get<CredentialStore>();
        store.Set("trakt", new IntegrationCredentials(new[] { new System.Collections.Generic.KeyValuePair<string, string>("clientId", "client-id-value-1234") }));
        var cipher = new CredentialCipher(paths, NullLogger<CredentialCipher>.Instance);
        var restarted = new CredentialStore(_host.Get<ApertureDatabase>(), cipher, new SecretRedactor(), TimeProvider.System);

        // Another process holds the key file exclusively (a backup tool, an antivirus scan): reading it fails.
        using (new FileStream(paths.KeyFilePath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.ThrowsAny<Exception>(() => restarted.GetState("trakt"));
        }

        Assert.Empty(Directory.GetFiles(paths.DataDirectory, "aperture.key.unreadable-*"));
        Assert.Equal(CredentialStatus.Set, restarted.GetState("trakt").Status);
        Assert.Equal("client-id-value-1234", restarted.Get("trakt")!.Get("clientId"));
    }

    private static T Body<T>(string json) => JsonSerializer.Deserialize<T>(json, _web)!;

    private IntegrationsController Integrations() => new(
        _host.Get<IntegrationRegistry>(),
        _host.Get<IntegrationStatusService>(),
        _host.Get<CredentialAdmin>(),
        _host.Get<ConnectionTester>(),
        _host.Get<IntegrationSettingsAdmin>());

    private EnrichmentController Enrichment() => new(
        _host.Get<EnrichmentSettingsService>(),
        _host.Get<EnrichmentStore>(),
        new Mock<IEnrichmentTaskLauncher>().Object,
        new LibraryItemReader(new Mock<ILibraryManager>().Object));
}
