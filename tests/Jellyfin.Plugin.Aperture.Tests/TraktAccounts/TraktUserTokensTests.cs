using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Integrations.Trakt;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktAccounts;

public sealed class TraktUserTokensTests : IAsyncLifetime
{
    private static readonly Guid _alice = Guid.NewGuid();
    private readonly TraktAccountHost _h = new();

    public Task InitializeAsync() => _h.InitializeAsync();

    public Task DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task TokensAreStoredEncryptedOnly()
    {
        await _h.LinkAsync(_alice);
        var tokens = _h.Accounts.Get(_alice)!.Tokens!;

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_h.Host.DataDirectory, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            var text = Encoding.UTF8.GetString(bytes) + Convert.ToHexString(bytes);
            Assert.DoesNotContain(tokens.AccessToken, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(tokens.RefreshToken, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(tokens.AccessToken, _h.Host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.AccessToken, tokens.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTokenIsRefreshedBeforeItExpiresAndTheNewPairIsSaved()
    {
        _h.Trakt.AccessTokenLifetime = TimeSpan.FromHours(24);
        var first = await _h.LinkAsync(_alice);
        var firstRefresh = _h.Accounts.Get(_alice)!.Tokens!.RefreshToken;

        // With three quarters of its lifetime left to run... 17 h in, 7 h left: kept.
        _h.Host.Time.Advance(TimeSpan.FromHours(17));
        var kept = await _h.Tokens.GetValidAccessTokenAsync(_alice, CancellationToken.None);
        Assert.Equal(first, kept.AccessToken);
        Assert.Equal(0, _h.Calls("/oauth/token"));

        // 19 h in, 5 h left (under a quarter of 24 h): refreshed while the old token still works.
        _h.Host.Time.Advance(TimeSpan.FromHours(2));
        Assert.True(_h.Trakt.IsAccessTokenValid(first));
        var renewed = await _h.Tokens.GetValidAccessTokenAsync(_alice, CancellationToken.None);

        Assert.Equal(TraktAccessStatus.Valid, renewed.Status);
        Assert.NotEqual(first, renewed.AccessToken);
        Assert.True(_h.Trakt.IsAccessTokenValid(renewed.AccessToken!));
        Assert.Equal(1, _h.Calls("/oauth/token"));
        var saved = _h.Accounts.Get(_alice)!.Tokens!;
        Assert.Equal(renewed.AccessToken, saved.AccessToken);
        Assert.NotEqual(firstRefresh, saved.RefreshToken);
        Assert.Equal(_h.Host.Time.GetUtcNow().AddHours(24), saved.ExpiresAt);
    }

    [Fact]
    public async Task TwoConcurrentCallersMakeOneRefreshCall()
    {
        _h.Trakt.AccessTokenLifetime = TimeSpan.FromHours(24);
        await _h.LinkAsync(_alice);
        _h.Host.Time.Advance(TimeSpan.FromHours(23));

        // Trakt answers slowly, so the second caller arrives while the first refresh is on the wire.
        _h.Trakt.Latency = TimeSpan.FromMilliseconds(300);
        var results = await Task.WhenAll(
            _h.Tokens.GetValidAccessTokenAsync(_alice, CancellationToken.None),
            _h.Tokens.GetValidAccessTokenAsync(_alice, CancellationToken.None),
            _h.Tokens.GetValidAccessTokenAsync(_alice, CancellationToken.None));

        Assert.Equal(1, _h.Calls("/oauth/token"));
        Assert.All(results, r => Assert.Equal(TraktAccessStatus.Valid, r.Status));
        Assert.Single(results.Select(r => r.AccessToken).Distinct());
        Assert.True(_h.Trakt.IsAccessTokenValid(results[0].AccessToken!));
    }

    [Fact]
    public async Task ARefusedRefreshMarksTheUserLinkAgainAndTheirCallsStop()
    {
        // A pair whose refresh token Trakt no longer accepts (already spent elsewhere, or the app was revoked).
        var now = _h.Host.Time.GetUtcNow();
        _h.Accounts.SaveTokens(_alice, new TraktTokenGrant("stale-access-token-0001", "spent-refresh-token-0001", now.AddDays(-7), now.AddMinutes(5)), newLink: true);

        var access = await _h.Tokens.GetValidAccessTokenAsync(_alice, CancellationToken.None);

        Assert.Equal(TraktAccessStatus.LinkAgain, access.Status);
        Assert.Null(access.AccessToken);
        Assert.Equal(1, _h.Calls("/oauth/token"));
        var status = _h.Status.Get(_alice);
        Assert.Equal(TraktLinkState.LinkAgain, status.State);
        Assert.Equal(now, status.NeedsRelinkSince);
        Assert.Contains("link Trakt again", status.Reason, StringComparison.Ordinal);
        Assert.Null(_h.Accounts.Get(_alice)!.Tokens);

        // The user's calls stop: no further refresh is attempted.
        Assert.Equal(TraktAccessStatus.LinkAgain, (await _h.Tokens.GetValidAccessTokenAsync(_alice, CancellationToken.None)).Status);
        Assert.Equal(1, _h.Calls("/oauth/token"));

        // Linking again clears the mark.
        await _h.LinkAsync(_alice);
        Assert.Equal(TraktLinkState.Linked, _h.Status.Get(_alice).State);
        Assert.Null(_h.Status.Get(_alice).Reason);
    }

    [Fact]
    public async Task ARefusedAccessTokenIsRefreshedOnceUnlessAnotherCallAlreadyDidIt()
    {
        var first = await _h.LinkAsync(_alice);
        _h.Trakt.ExpireAccessToken(first);

        var renewed = await _h.Tokens.RefreshAfterRefusalAsync(_alice, first, CancellationToken.None);
        var again = await _h.Tokens.RefreshAfterRefusalAsync(_alice, first, CancellationToken.None);

        Assert.Equal(TraktAccessStatus.Valid, renewed.Status);
        Assert.True(_h.Trakt.IsAccessTokenValid(renewed.AccessToken!));
        Assert.Equal(renewed.AccessToken, again.AccessToken);
        Assert.Equal(1, _h.Calls("/oauth/token"));
    }

    [Fact]
    public async Task AnOutageDuringRefreshKeepsThePairAndTheStillValidToken()
    {
        _h.Trakt.AccessTokenLifetime = TimeSpan.FromHours(24);
        var first = await _h.LinkAsync(_alice);
        _h.Host.Time.Advance(TimeSpan.FromHours(20));
        _h.Trakt.Mode = FaultMode.Outage;

        var access = await _h.Tokens.GetValidAccessTokenAsync(_alice, CancellationToken.None);

        Assert.Equal(TraktAccessStatus.Valid, access.Status);
        Assert.Equal(first, access.AccessToken);
        Assert.Equal(TraktLinkState.Linked, _h.Status.Get(_alice).State);

        // Past expiry with Trakt still down: no token, but the link is kept for when Trakt is back.
        _h.Host.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(TraktAccessStatus.Unavailable, (await _h.Tokens.GetValidAccessTokenAsync(_alice, CancellationToken.None)).Status);
        _h.Trakt.Mode = FaultMode.None;
        Assert.Equal(TraktLinkState.Linked, _h.Status.Get(_alice).State);
    }

    [Fact]
    public async Task UnlinkRevokesTheTokenAndDeletesTheLink()
    {
        var token = await _h.LinkAsync(_alice);

        var result = await _h.Unlink.UnlinkAsync(_alice, CancellationToken.None);

        Assert.True(result.WasLinked);
        Assert.True(result.Revoked);
        Assert.Equal(1, _h.Calls("/oauth/revoke"));
        Assert.False(_h.Trakt.IsAccessTokenValid(token));
        Assert.Equal(TraktLinkState.NotLinked, _h.Status.Get(_alice).State);
        Assert.Equal(TraktAccessStatus.NotLinked, (await _h.Tokens.GetValidAccessTokenAsync(_alice, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task UnlinkDeletesTheLinkEvenWhenTraktCannotRevokeAndSaysSo()
    {
        await _h.LinkAsync(_alice);
        _h.Trakt.Mode = FaultMode.Outage;

        var result = await _h.Unlink.UnlinkAsync(_alice, CancellationToken.None);

        Assert.True(result.WasLinked);
        Assert.False(result.Revoked);
        Assert.Contains("could not confirm", result.Message, StringComparison.Ordinal);
        Assert.Equal(TraktLinkState.NotLinked, _h.Status.Get(_alice).State);
    }
}
