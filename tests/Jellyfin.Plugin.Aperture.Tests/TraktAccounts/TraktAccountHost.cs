using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Tests.Core;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktAccounts;

/// <summary>
/// Aperture wired as the plugin wires it, with the admin's Trakt app saved and pointed at a fresh Trakt emulator that
/// shares the test's fake clock (token and code expiry). One attempt per call, so an outage answers at once.
/// </summary>
public sealed class TraktAccountHost : IAsyncLifetime
{
    private TraktEmulator? _trakt;
    private TestHost? _host;

    public TraktEmulator Trakt => _trakt ?? throw new InvalidOperationException("Not started.");

    public TestHost Host => _host ?? throw new InvalidOperationException("Not started.");

    public TraktDeviceLink Link => Host.Get<TraktDeviceLink>();

    public TraktUserTokens Tokens => Host.Get<TraktUserTokens>();

    public TraktAccountStore Accounts => Host.Get<TraktAccountStore>();

    public TraktLinkStatusReader Status => Host.Get<TraktLinkStatusReader>();

    public TraktUnlink Unlink => Host.Get<TraktUnlink>();

    /// <summary>Gets how many requests reached an emulator path.</summary>
    /// <param name="path">The path, e.g. "/oauth/token".</param>
    /// <returns>The count.</returns>
    public int Calls(string path) => Trakt.Requests.Count(r => r.Path == path);

    public async Task InitializeAsync()
    {
        _trakt = await TraktEmulator.StartAsync();
        _host = new TestHost(configure: services => services.AddSingleton(new UpstreamPipelineOptions { MaxAttempts = 1 }));
        _trakt.Clock = _host.Time;
        Assert.Null(_host.Get<IntegrationSettingsService>().Update(new IntegrationSettings { Id = IntegrationIds.Trakt, BaseUrl = _trakt.BaseUrl.AbsoluteUri }));
        _host.Get<CredentialStore>().Set(IntegrationIds.Trakt, new IntegrationCredentials(new Dictionary<string, string>
        {
            ["clientId"] = _trakt.ValidKey,
            ["clientSecret"] = _trakt.ClientSecret,
        }));
    }

    public async Task DisposeAsync()
    {
        _host?.Dispose();
        if (_trakt is not null)
        {
            await _trakt.DisposeAsync();
        }
    }

    /// <summary>Links a user through the whole device flow: start, the user approves, one poll.</summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <returns>The access token Trakt issued.</returns>
    public async Task<string> LinkAsync(Guid userId)
    {
        var start = await Link.StartAsync(userId, CancellationToken.None);
        Assert.True(start.Started, start.Message);
        Trakt.ApproveDeviceCode();
        Host.Time.Advance(start.Pending!.Code.Interval);
        var poll = await Link.PollAsync(userId, CancellationToken.None);
        Assert.Equal(TraktLinkPollStatus.Linked, poll.Status);
        return Accounts.Get(userId)!.Tokens!.AccessToken;
    }
}
