using System;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktAccounts;

public sealed class TraktDeviceLinkTests : IAsyncLifetime
{
    private static readonly Guid _alice = Guid.NewGuid();
    private readonly TraktAccountHost _h = new();

    public Task InitializeAsync() => _h.InitializeAsync();

    public Task DisposeAsync() => _h.DisposeAsync();

    [Fact]
    public async Task AStartedLinkShowsTheCodeAndPollsOnlyAtTheInterval()
    {
        var start = await _h.Link.StartAsync(_alice, CancellationToken.None);

        Assert.True(start.Started);
        var pending = start.Pending!;
        Assert.Equal("https://trakt.tv/activate", pending.Code.VerificationUrl.AbsoluteUri);
        Assert.Equal(TimeSpan.FromSeconds(5), pending.Code.Interval);
        Assert.Equal(_h.Host.Time.GetUtcNow().AddSeconds(600), pending.Code.ExpiresAt);
        Assert.Equal(TraktLinkState.Pending, _h.Status.Get(_alice).State);
        Assert.Equal(pending.Code.UserCode, _h.Status.Get(_alice).Pending!.Code.UserCode);

        // Too early: answered without asking Trakt.
        var early = await _h.Link.PollAsync(_alice, CancellationToken.None);
        Assert.Equal(TraktLinkPollStatus.Pending, early.Status);
        Assert.Equal(0, _h.Calls("/oauth/device/token"));

        // At the interval: Trakt says pending (400); the next poll is one interval later.
        _h.Host.Time.Advance(TimeSpan.FromSeconds(5));
        var waiting = await _h.Link.PollAsync(_alice, CancellationToken.None);
        Assert.Equal(TraktLinkPollStatus.Pending, waiting.Status);
        Assert.Equal(1, _h.Calls("/oauth/device/token"));
        Assert.Equal(_h.Host.Time.GetUtcNow().AddSeconds(5), waiting.Pending!.NextPollAt);

        // Approved: linked, the code is gone, the token works at Trakt.
        _h.Trakt.ApproveDeviceCode();
        _h.Host.Time.Advance(TimeSpan.FromSeconds(5));
        var linked = await _h.Link.PollAsync(_alice, CancellationToken.None);
        Assert.Equal(TraktLinkPollStatus.Linked, linked.Status);
        var status = _h.Status.Get(_alice);
        Assert.Equal(TraktLinkState.Linked, status.State);
        Assert.Null(status.Pending);
        Assert.Equal(_h.Host.Time.GetUtcNow(), status.LinkedAt);
        var access = await _h.Tokens.GetValidAccessTokenAsync(_alice, CancellationToken.None);
        Assert.Equal(TraktAccessStatus.Valid, access.Status);
        Assert.True(_h.Trakt.IsAccessTokenValid(access.AccessToken!));
    }

    [Fact]
    public async Task SlowDownMakesTheIntervalLongerWithoutPausingTraktOrRaisingAnAlert()
    {
        await _h.Link.StartAsync(_alice, CancellationToken.None);
        _h.Trakt.ForceDeviceTokenAnswer(429);
        _h.Host.Time.Advance(TimeSpan.FromSeconds(5));

        var slow = await _h.Link.PollAsync(_alice, CancellationToken.None);

        Assert.Equal(TraktLinkPollStatus.SlowDown, slow.Status);
        Assert.Equal(TimeSpan.FromSeconds(10), slow.Pending!.Code.Interval);
        Assert.Equal(_h.Host.Time.GetUtcNow().AddSeconds(10), slow.Pending.NextPollAt);
        Assert.Empty(_h.Host.Get<AlertStore>().ListOpen());

        // The old interval is now too early; the new one reaches Trakt, which was not paused by the 429.
        _h.Trakt.ForceDeviceTokenAnswer(null);
        _h.Host.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TraktLinkPollStatus.Pending, (await _h.Link.PollAsync(_alice, CancellationToken.None)).Status);
        Assert.Equal(1, _h.Calls("/oauth/device/token"));
        _h.Trakt.ApproveDeviceCode();
        _h.Host.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TraktLinkPollStatus.Linked, (await _h.Link.PollAsync(_alice, CancellationToken.None)).Status);
        Assert.Equal(2, _h.Calls("/oauth/device/token"));
    }

    [Theory]
    [InlineData(404, TraktLinkPollStatus.InvalidCode)]
    [InlineData(409, TraktLinkPollStatus.AlreadyUsed)]
    [InlineData(410, TraktLinkPollStatus.Expired)]
    public async Task AFinalAnswerEndsTheLinkInProgress(int status, TraktLinkPollStatus expected)
    {
        await _h.Link.StartAsync(_alice, CancellationToken.None);
        _h.Trakt.ForceDeviceTokenAnswer(status);
        _h.Host.Time.Advance(TimeSpan.FromSeconds(5));

        var poll = await _h.Link.PollAsync(_alice, CancellationToken.None);

        Assert.Equal(expected, poll.Status);
        Assert.Contains("start again", poll.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(poll.Pending);
        Assert.Equal(TraktLinkState.NotLinked, _h.Status.Get(_alice).State);
        Assert.Equal(TraktLinkPollStatus.NoLinkInProgress, (await _h.Link.PollAsync(_alice, CancellationToken.None)).Status);
        Assert.Empty(_h.Host.Get<AlertStore>().ListOpen());
    }

    [Fact]
    public async Task ADeniedLinkEndsAndSaysSo()
    {
        await _h.Link.StartAsync(_alice, CancellationToken.None);
        _h.Trakt.DenyDeviceCode();
        _h.Host.Time.Advance(TimeSpan.FromSeconds(5));

        var poll = await _h.Link.PollAsync(_alice, CancellationToken.None);

        Assert.Equal(TraktLinkPollStatus.Denied, poll.Status);
        Assert.Equal(TraktLinkState.NotLinked, _h.Status.Get(_alice).State);
    }

    [Fact]
    public async Task PollingStopsAtTheCodesExpiryWithoutAskingTrakt()
    {
        await _h.Link.StartAsync(_alice, CancellationToken.None);
        _h.Host.Time.Advance(TimeSpan.FromSeconds(600));

        var poll = await _h.Link.PollAsync(_alice, CancellationToken.None);

        Assert.Equal(TraktLinkPollStatus.Expired, poll.Status);
        Assert.Equal(0, _h.Calls("/oauth/device/token"));
        Assert.Equal(TraktLinkState.NotLinked, _h.Status.Get(_alice).State);
    }

    [Fact]
    public async Task ARefusedClientSecretKeepsTheCodeAndSaysWhy()
    {
        await _h.Link.StartAsync(_alice, CancellationToken.None);
        _h.Trakt.ClientSecret = "another-secret";
        _h.Host.Time.Advance(TimeSpan.FromSeconds(5));

        var poll = await _h.Link.PollAsync(_alice, CancellationToken.None);

        Assert.Equal(TraktLinkPollStatus.Failed, poll.Status);
        Assert.NotNull(poll.Pending);
        Assert.Equal(TraktLinkState.Pending, _h.Status.Get(_alice).State);
    }
}
