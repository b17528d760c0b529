using System;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktSync;

/// <summary>
/// Trakt's limits are per user: one user's 429 parks that user's calls only, and an account limit (420, 423, 426) is
/// that user's alert, not an outage of Trakt, and closes when that user's next write succeeds. Against the Trakt
/// emulator through the real pipeline with its default retries.
/// </summary>
public sealed class TraktUserLimitsTests : IAsyncLifetime
{
    private const string Rating = """{"movies":[{"ids":{"tmdb":603},"rating":8}]}""";
    private TraktEmulator _trakt = null!;
    private TraktUsersHost _h = null!;

    public async Task InitializeAsync()
    {
        _trakt = await TraktEmulator.StartAsync();
        _h = new TraktUsersHost(_trakt);
    }

    public async Task DisposeAsync()
    {
        _h.Dispose();
        await _trakt.DisposeAsync();
    }

    [Fact]
    public async Task A429ParksOnlyThatUserUntilRetryAfterAndTheParkedCallsAnswerWithoutCallingTrakt()
    {
        var (alice, aliceToken) = _h.Link();
        var (bob, bobToken) = _h.Link();
        _trakt.BlockAccount(aliceToken, TimeSpan.FromMinutes(5));

        var limited = await _h.GetAsync(alice, "sync/last_activities");
        Assert.Equal(UpstreamOutcome.RateLimited, limited.Response!.Outcome);
        Assert.Equal(1, _trakt.ApiCallsOf(aliceToken));

        // Alice's next calls are answered here, with when they resume; Trakt does not hear them.
        var parked = await _h.GetAsync(alice, "sync/ratings/movies");
        var write = await _h.PostAsync(alice, "sync/ratings", Rating);
        Assert.Equal(UpstreamOutcome.RateLimited, parked.Response!.Outcome);
        Assert.Contains("calls resume at", parked.Error, StringComparison.Ordinal);
        Assert.True(parked.Response.RetryAfter > TimeSpan.FromMinutes(4), "parked for " + parked.Response.RetryAfter);
        Assert.Equal(UpstreamOutcome.RateLimited, write.Response!.Outcome);
        Assert.Equal(1, _trakt.ApiCallsOf(aliceToken));

        // Bob's limits are his own: his reads and writes go through meanwhile, and Trakt is not in trouble for him.
        Assert.Null((await _h.GetAsync(bob, "sync/last_activities")).Error);
        Assert.Null((await _h.PostAsync(bob, "sync/ratings", Rating)).Error);
        Assert.Equal(2, _trakt.ApiCallsOf(bobToken));
        Assert.Single(_trakt.RatingsOf(bobToken));
        var alert = Assert.Single(_h.OpenAlerts());
        Assert.Equal((AlertKind.RateLimit, alice.ToString("N")), (alert.Kind, alert.Scope));
        Assert.Equal("Connected", _h.Host.Get<IntegrationStatusService>().Get(IntegrationIds.Trakt).Status);

        // When the wait Trakt asked for is over, Alice's calls reach Trakt again.
        _trakt.UnblockAccount(aliceToken);
        _h.Host.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.Null((await _h.GetAsync(alice, "sync/last_activities")).Error);
        Assert.Equal(2, _trakt.ApiCallsOf(aliceToken));
        Assert.Empty(_h.OpenAlerts());
    }

    [Theory]
    [InlineData(420, "watchlist size limit")]
    [InlineData(423, "locked")]
    [InlineData(426, "VIP")]
    public async Task AnAccountLimitIsThatUsersAlertNotAnOutageAndClosesWhenTheirNextWriteSucceeds(int status, string reason)
    {
        var (alice, aliceToken) = _h.Link();
        var (bob, _) = _h.Link();
        Assert.Null((await _h.GetAsync(bob, "sync/last_activities")).Error);
        _trakt.ForceAccountAnswer(aliceToken, status);

        var refused = await _h.PostAsync(alice, "sync/ratings", Rating);

        Assert.Equal(UpstreamOutcome.AccountLimit, refused.Response!.Outcome);
        Assert.Contains(reason, refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, _trakt.ApiCallsOf(aliceToken));
        var alert = Assert.Single(_h.OpenAlerts());
        Assert.Equal(AlertKind.AccountLimit, alert.Kind);
        Assert.Equal(alice.ToString("N"), alert.Scope);
        Assert.Contains(reason, alert.Message, StringComparison.Ordinal);

        // Trakt itself is fine: its status stays Connected, and Bob's writes go through without touching Alice's alert.
        Assert.Equal("Connected", _h.Host.Get<IntegrationStatusService>().Get(IntegrationIds.Trakt).Status);
        Assert.Null((await _h.PostAsync(bob, "sync/ratings", Rating)).Error);
        Assert.Single(_h.OpenAlerts());

        // Alice fixed her account: her next write succeeds and her alert closes.
        _trakt.ForceAccountAnswer(aliceToken, null);
        Assert.Null((await _h.PostAsync(alice, "sync/ratings", Rating)).Error);
        Assert.Empty(_h.OpenAlerts());
    }

    [Fact]
    public async Task TwoUsersOverTheirLimitsHaveAnAlertEach()
    {
        var (alice, aliceToken) = _h.Link();
        var (bob, bobToken) = _h.Link();
        _trakt.ForceAccountAnswer(aliceToken, 420);
        _trakt.ForceAccountAnswer(bobToken, 426);

        await _h.PostAsync(alice, "sync/ratings", Rating);
        await _h.PostAsync(bob, "sync/ratings", Rating);

        var alerts = _h.OpenAlerts();
        Assert.Equal(new[] { alice.ToString("N"), bob.ToString("N") }.Order(), alerts.Select(a => a.Scope!).Order());
        Assert.All(alerts, a => Assert.Equal(AlertKind.AccountLimit, a.Kind));
    }
}
