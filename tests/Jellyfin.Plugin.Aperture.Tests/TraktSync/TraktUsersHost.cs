using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.Common;
using Jellyfin.Plugin.Aperture.Integrations.Trakt;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Tests.Core;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Jellyfin.Plugin.Aperture.TraktSync;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktSync;

/// <summary>
/// Several linked users on one plugin: the services wired as the plugin wires them (one pipeline with Trakt's default
/// limits and its default retries), Trakt's app credentials saved, each user linked with tokens the emulator issued,
/// and each user's calls made through <see cref="TraktUserApi"/> as every feature makes them. The fake clock moves only
/// while a call waits on it; pass the system clock to measure pacing.
/// </summary>
public sealed class TraktUsersHost : IDisposable
{
    private readonly ClockPump _pump = new();
    private readonly bool _fakeClock;

    public TraktUsersHost(TraktEmulator trakt, TimeProvider? clock = null)
    {
        Trakt = trakt;
        _fakeClock = clock is null;
        Host = new TestHost(configure: services =>
        {
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }

            _pump.Watch(services);
        });
        Clock = Host.Get<TimeProvider>();
        Assert.Null(Host.Get<IntegrationSettingsService>().Update(new IntegrationSettings { Id = IntegrationIds.Trakt, BaseUrl = trakt.BaseUrl.AbsoluteUri }));
        Host.Get<CredentialStore>().Set(IntegrationIds.Trakt, new IntegrationCredentials(new Dictionary<string, string>
        {
            ["clientId"] = trakt.ValidKey,
            ["clientSecret"] = trakt.ClientSecret,
        }));
    }

    public TraktEmulator Trakt { get; }

    public TestHost Host { get; }

    public TimeProvider Clock { get; }

    /// <summary>Links a new user with a token pair the emulator issued, valid for a week from now.</summary>
    /// <returns>The user id and the access token Trakt knows the account by.</returns>
    public (Guid User, string AccessToken) Link()
    {
        var user = Guid.NewGuid();
        var tokens = Trakt.IssueTokens();
        var now = Clock.GetUtcNow();
        Host.Get<TraktAccountStore>().SaveTokens(user, new TraktTokenGrant(tokens.AccessToken, tokens.RefreshToken, now, now.AddDays(7)), newLink: true);
        return (user, tokens.AccessToken);
    }

    /// <summary>Builds a user's Trakt API as the features build it.</summary>
    /// <param name="user">The user.</param>
    /// <returns>The API.</returns>
    public TraktUserApi Api(Guid user)
    {
        var target = Host.Get<StoredTargets>().Get(IntegrationIds.Trakt, "clientId", out var clientId) ?? throw new InvalidOperationException("Trakt is not set up.");
        return new TraktUserApi(Host.Get<IUpstreamPipeline>(), target, clientId, user, Host.Get<TraktUserTokens>());
    }

    public Task<(UpstreamResponse? Response, string? Error)> GetAsync(Guid user, string path) => RunAsync(Api(user).SendAsync(HttpMethod.Get, path, null, CancellationToken.None));

    public Task<(UpstreamResponse? Response, string? Error)> PostAsync(Guid user, string path, string body) => RunAsync(Api(user).SendAsync(HttpMethod.Post, path, body, CancellationToken.None));

    public Task<T> RunAsync<T>(Task<T> work) => _fakeClock ? _pump.RunAsync(Host.Time, work) : work;

    public IReadOnlyList<Alert> OpenAlerts() => Host.Get<AlertStore>().ListOpen();

    public void Dispose() => Host.Dispose();
}
