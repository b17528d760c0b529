using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Api;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Core;

/// <summary>
/// A saved key goes only to the base URL it was saved for: through the admin API, moving a service to another
/// address needs the key again, a test against another address uses only what was typed, and a new address
/// starts as "not tested".
/// </summary>
public sealed class BaseUrlChangeTests : IDisposable
{
    private const string SavedKey = "saved-key-value-abcdef";
    private const string NewUrl = "http://127.0.0.2:9/api";
    private readonly TestHost _host = new();

    public BaseUrlChangeTests()
    {
        _host.Fake.Recorder = _host.Get<IHealthRecorder>();
        Assert.Null(_host.Get<CredentialAdmin>().Save(FakeIntegration.Id, new Dictionary<string, string> { ["apiKey"] = SavedKey }));
        Api = ActivatorUtilities.CreateInstance<IntegrationsController>(_host.Provider);
    }

    private IntegrationsController Api { get; }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task MovingTheBaseUrlWithoutTheKeyIsRefusedWithAMessageAndNothingChanges()
    {
        await TestSavedAsync();

        var refused = Api.SaveSettings(FakeIntegration.Id, new SettingsRequest { BaseUrl = NewUrl, RequestsPerWindow = 3 });

        var message = Assert.IsType<ErrorView>(Assert.IsType<BadRequestObjectResult>(refused.Result).Value).Message;
        Assert.Contains("API key", message, StringComparison.Ordinal);
        Assert.Contains("again", message, StringComparison.Ordinal);
        Assert.Equal(new Uri("http://127.0.0.1:9/"), _host.Get<IntegrationSettingsService>().GetBaseUrl(FakeIntegration.Id));
        Assert.Null(_host.Get<IntegrationSettingsService>().GetStored(FakeIntegration.Id).RequestsPerWindow);
        Assert.Equal(SavedKey, _host.Get<CredentialStore>().Get(FakeIntegration.Id)!.Get("apiKey"));
        Assert.Equal("Connected", Status().Status);
    }

    [Fact]
    public async Task SavingTheSameBaseUrlAgainNeedsNoKeyAndKeepsTheStatus()
    {
        await TestSavedAsync();

        // The page sends the URL with every settings change; the trailing slash is not a new address.
        var saved = Api.SaveSettings(FakeIntegration.Id, new SettingsRequest { BaseUrl = "http://127.0.0.1:9", RequestsPerWindow = 3 });

        Assert.IsType<OkObjectResult>(saved.Result);
        Assert.Equal(3, _host.Get<IntegrationSettingsService>().GetStored(FakeIntegration.Id).RequestsPerWindow);
        Assert.Equal(SavedKey, _host.Get<CredentialStore>().Get(FakeIntegration.Id)!.Get("apiKey"));
        Assert.Equal("Connected", Status().Status);
    }

    [Fact]
    public async Task ANewBaseUrlSavedWithItsKeyReplacesTheKeyAndStartsAsNotTested()
    {
        await TestSavedAsync();

        var saved = Api.SaveSettings(FakeIntegration.Id, new SettingsRequest { BaseUrl = NewUrl, Fields = new() { ["apiKey"] = "new-key-value-123456" } });

        var view = Assert.IsType<IntegrationView>(Assert.IsType<OkObjectResult>(saved.Result).Value);
        Assert.Equal("Warning", view.Status);
        Assert.Contains("not tested", view.Reason, StringComparison.Ordinal);
        Assert.Equal(new Uri(NewUrl), _host.Get<IntegrationSettingsService>().GetBaseUrl(FakeIntegration.Id));
        Assert.Equal("new-key-value-123456", _host.Get<CredentialStore>().Get(FakeIntegration.Id)!.Get("apiKey"));
    }

    [Fact]
    public async Task ATestAgainstAnotherAddressWithoutATypedKeyIsRefusedAndSendsNothing()
    {
        var result = await Api.Test(FakeIntegration.Id, new CredentialsRequest { BaseUrl = NewUrl }, CancellationToken.None);

        var message = Assert.IsType<ErrorView>(Assert.IsType<BadRequestObjectResult>(result.Result).Value).Message;
        Assert.Contains("API key", message, StringComparison.Ordinal);
        Assert.Empty(_host.Fake.Targets);
    }

    [Fact]
    public async Task ATestAgainstAnotherAddressUsesOnlyTheTypedKey()
    {
        var result = await Api.Test(FakeIntegration.Id, new CredentialsRequest { BaseUrl = NewUrl, Fields = new() { ["apiKey"] = "typed-key-value-7890" } }, CancellationToken.None);

        Assert.IsType<OkObjectResult>(result.Result);
        var target = Assert.Single(_host.Fake.Targets);
        Assert.Equal(new Uri(NewUrl), target.BaseUrl);
        Assert.Equal(new[] { "apiKey" }, target.Credentials.FieldNames);
        Assert.Equal("typed-key-value-7890", target.Credentials.Get("apiKey"));
    }

    private async Task TestSavedAsync()
    {
        var (result, _) = await _host.Get<ConnectionTester>().TestAsync(FakeIntegration.Id, null, null, CancellationToken.None);
        Assert.True(result!.Succeeded);
        Assert.Equal("Connected", Status().Status);
    }

    private IntegrationView Status() => _host.Get<IntegrationStatusService>().Get(FakeIntegration.Id);
}
