using System;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Integrations;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Core;

public sealed class SettingsTests : IDisposable
{
    private readonly TestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("ftp://example.com")]
    [InlineData("example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://user:pass@example.com")]
    [InlineData("https://example.com/?apikey=1")]
    [InlineData("   ")]
    public void MalformedBaseUrlIsRefusedWithAClearMessageAndNothingChanges(string url)
    {
        var settings = _host.Get<IntegrationSettingsService>();
        Assert.Null(settings.Update(new IntegrationSettings { Id = FakeIntegration.Id, DailyQuota = 50 }));

        var problem = settings.Update(new IntegrationSettings { Id = FakeIntegration.Id, BaseUrl = url, DailyQuota = 7 });

        Assert.NotNull(problem);
        Assert.Contains("base URL", problem, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(50, settings.GetLimits(FakeIntegration.Id).DailyQuota);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), settings.GetBaseUrl(FakeIntegration.Id));
    }

    [Fact]
    public void SettingsOverrideDefaultsAndUnsetValuesFallBack()
    {
        var settings = _host.Get<IntegrationSettingsService>();
        var update = new IntegrationSettings { Id = FakeIntegration.Id, BaseUrl = "http://127.0.0.1:5055", RequestsPerWindow = 3 };
        update.Options.Add(new IntegrationOption { Name = "model", Value = "other-model" });

        Assert.Null(settings.Update(update));

        var limits = settings.GetLimits(FakeIntegration.Id);
        Assert.Equal(3, limits.RequestsPerWindow);
        Assert.Equal(TimeSpan.FromSeconds(1), limits.Window);
        Assert.Equal(new Uri("http://127.0.0.1:5055/"), settings.GetBaseUrl(FakeIntegration.Id));
        Assert.Equal("other-model", settings.GetOptions(FakeIntegration.Id)["model"]);
    }

    [Fact]
    public void NegativeLimitsAndUnknownOptionsAreRefused()
    {
        var settings = _host.Get<IntegrationSettingsService>();
        var unknownOption = new IntegrationSettings { Id = FakeIntegration.Id };
        unknownOption.Options.Add(new IntegrationOption { Name = "colour", Value = "red" });

        Assert.NotNull(settings.Update(new IntegrationSettings { Id = FakeIntegration.Id, RequestsPerWindow = 0 }));
        Assert.NotNull(settings.Update(new IntegrationSettings { Id = FakeIntegration.Id, DailyQuota = -1 }));
        Assert.NotNull(settings.Update(unknownOption));
        Assert.NotNull(settings.Update(new IntegrationSettings { Id = "nope" }));
        Assert.Empty(_host.Configuration.Current.Integrations);
    }
}
