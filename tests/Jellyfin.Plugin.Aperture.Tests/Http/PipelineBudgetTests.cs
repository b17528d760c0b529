using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Http;

public sealed class PipelineBudgetTests
{
    private static readonly TimeSpan _step = TimeSpan.FromMilliseconds(250);
    private static readonly DateTimeOffset _midnight = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RateLimitPausesTheWholeServiceNotJustTheOneRequest()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Server.Handler = (ctx, i) =>
        {
            if (i == 0)
            {
                ctx.Response.Headers.RetryAfter = "10";
                return LoopbackServer.Json(ctx, 429, "{}");
            }

            return LoopbackServer.Json(ctx, 200, "{}");
        };

        var first = h.Send(h.Request("first"));
        await PipelineHarness.Until(() => h.Snapshot().PausedUntil is not null, "the 429 paused the service");
        var pausedAt = h.HitsInOrder()[0].At;
        Assert.Equal(pausedAt.AddSeconds(10), h.Snapshot().PausedUntil);

        var others = new[]
        {
            h.Send(h.Request("interactive", RequestPriority.Interactive)),
            h.Send(h.Request("background")),
        };
        await h.Drive(others.Append(first), _step);

        Assert.All(others, t => Assert.Equal(UpstreamOutcome.Success, t.Result.Outcome));
        Assert.All(h.HitsInOrder().Skip(1), hit => Assert.True(hit.At >= pausedAt.AddSeconds(10), hit.Path + " went during the pause."));
    }

    [Fact]
    public async Task LongRateLimitAnswersAtOnceInsteadOfHoldingTheJob()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Server.Handler = (ctx, _) =>
        {
            ctx.Response.Headers.RetryAfter = "300";
            return LoopbackServer.Json(ctx, 429, "{}");
        };

        var first = await h.Send(h.Request());
        var second = await h.Send(h.Request());

        Assert.Equal(UpstreamOutcome.RateLimited, first.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(300), first.RetryAfter);
        Assert.Equal(UpstreamOutcome.RateLimited, second.Outcome);
        Assert.Equal(1, h.Server.Count);
    }

    [Fact]
    public async Task QuotaAnswerParksTheServiceUntilTheReset()
    {
        await using var h = await PipelineHarness.StartAsync();
        var spent = true;
        h.Server.Handler = (ctx, _) => LoopbackServer.Json(ctx, spent ? 402 : 200, "{}");

        var first = await h.Send(h.Request());
        var second = await h.Send(h.Request(priority: RequestPriority.Interactive));

        Assert.Equal(UpstreamOutcome.QuotaExhausted, first.Outcome);
        Assert.Equal(UpstreamOutcome.QuotaExhausted, second.Outcome);
        Assert.Equal(_midnight, second.ResetAt);
        Assert.Equal(1, h.Server.Count);
        Assert.Equal(_midnight, h.Snapshot().ParkedUntil);

        spent = false;
        h.Time.Advance(_midnight - h.Time.GetUtcNow() + TimeSpan.FromSeconds(1));
        var afterReset = await h.Send(h.Request());

        Assert.Equal(UpstreamOutcome.Success, afterReset.Outcome);
        Assert.Equal(2, h.Server.Count);
        Assert.Null(h.Snapshot().ParkedUntil);
    }

    [Fact]
    public async Task ConnectionTestReachesAParkedServiceAndItsSuccessLiftsThePark()
    {
        await using var h = await PipelineHarness.StartAsync(PipelineHarness.DefaultLimits with { DailyQuota = 2 });
        var spent = true;
        h.Server.Handler = (ctx, _) => LoopbackServer.Json(ctx, spent ? 402 : 200, "{}");
        Assert.Equal(UpstreamOutcome.QuotaExhausted, (await h.Send(h.Request())).Outcome);
        Assert.Equal(_midnight, h.Snapshot().ParkedUntil);

        // Still spent: the test reaches the service once and the answer parks it again.
        var stillSpent = await h.Send(Test(h.Request()));
        Assert.Equal(UpstreamOutcome.QuotaExhausted, stillSpent.Outcome);
        Assert.Equal(2, h.Server.Count);
        Assert.Equal(_midnight, h.Snapshot().ParkedUntil);

        // A new key or a higher tier: the test succeeds and background work may go again.
        spent = false;
        Assert.Equal(UpstreamOutcome.Success, (await h.Send(Test(h.Request()))).Outcome);
        Assert.Null(h.Snapshot().ParkedUntil);
        Assert.Equal(UpstreamOutcome.Success, (await h.Send(h.Request())).Outcome);
        Assert.Equal(4, h.Server.Count);
    }

    [Fact]
    public async Task DailyLedgerSurvivesARestartAndResetsAtMidnightUtc()
    {
        var limits = PipelineHarness.DefaultLimits with { DailyQuota = 3 };
        var dataDir = System.IO.Directory.CreateTempSubdirectory("aperture-ledger-").FullName;
        try
        {
            Microsoft.Extensions.Time.Testing.FakeTimeProvider time;
            await using (var before = await PipelineHarness.StartAsync(limits, dataDir: dataDir))
            {
                time = before.Time;
                for (var i = 0; i < 3; i++)
                {
                    Assert.Equal(UpstreamOutcome.Success, (await before.Send(before.Request())).Outcome);
                }

                Assert.Equal(3, before.Snapshot().UsedToday);
                Assert.Equal(3, before.Snapshot().DailyQuota);
            }

            await using var after = await PipelineHarness.StartAsync(limits, dataDir: dataDir, time: time);
            Assert.Equal(3, after.Snapshot().UsedToday);

            var refused = await after.Send(after.Request());
            Assert.Equal(UpstreamOutcome.QuotaExhausted, refused.Outcome);
            Assert.Equal(_midnight, refused.ResetAt);
            Assert.Equal(0, after.Server.Count);

            time.Advance(_midnight - time.GetUtcNow());
            var nextDay = await after.Send(after.Request());
            Assert.Equal(UpstreamOutcome.Success, nextDay.Outcome);
            Assert.Equal(1, after.Snapshot().UsedToday);
        }
        finally
        {
            PipelineHarness.DeleteData(dataDir);
        }
    }

    [Fact]
    public async Task ServiceReportedQuotaHeadersParkTheServiceWhenNothingRemains()
    {
        // ApertureServices registers the real MDBList integration, so a stand-in id is named as a header-quota service.
        const string service = "quota-headers";
        await using var h = await PipelineHarness.StartAsync(service: service, options: new UpstreamPipelineOptions { DailyQuotaHeaderServices = new[] { service } });
        var reset = h.Time.GetUtcNow().AddHours(3);
        h.Server.Handler = (ctx, i) =>
        {
            ctx.Response.Headers["X-RateLimit-Limit"] = "2";
            ctx.Response.Headers["X-RateLimit-Remaining"] = (1 - i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ctx.Response.Headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            return LoopbackServer.Json(ctx, 200, "{}");
        };

        Assert.Equal(UpstreamOutcome.Success, (await h.Send(h.Request())).Outcome);
        Assert.Equal(2, h.Snapshot().DailyQuota);
        Assert.Equal(UpstreamOutcome.Success, (await h.Send(h.Request())).Outcome);
        var refused = await h.Send(h.Request());

        Assert.Equal(UpstreamOutcome.QuotaExhausted, refused.Outcome);
        Assert.Equal(reset, refused.ResetAt);
        Assert.Equal(2, h.Server.Count);
    }

    [Fact]
    public async Task QuotaReportedFromABodyIsFollowed()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Pipeline.ReportQuota(PipelineHarness.Service, limit: 1000, used: 1000);

        var refused = await h.Send(h.Request());

        Assert.Equal(UpstreamOutcome.QuotaExhausted, refused.Outcome);
        Assert.Equal(_midnight, refused.ResetAt);
        Assert.Equal(0, h.Server.Count);
        Assert.Equal(1000, h.Snapshot().DailyQuota);
    }

    [Fact]
    public async Task InteractiveCallGoesBeforeQueuedBackgroundWork()
    {
        var limits = PipelineHarness.DefaultLimits with { RequestsPerWindow = 1, Window = TimeSpan.FromSeconds(1), MaxConcurrency = 1 };
        await using var h = await PipelineHarness.StartAsync(limits);

        var background = Enumerable.Range(0, 5).Select(i => h.Send(h.Request("background/" + i))).ToList();
        await PipelineHarness.Until(() => h.Snapshot().QueuedBackground == 4, "four background calls queue");
        var interactive = h.Send(h.Request("interactive", RequestPriority.Interactive));
        await PipelineHarness.Until(() => h.Snapshot().QueuedInteractive == 1, "the interactive call queues");

        await h.Drive(background.Append(interactive), _step);

        var order = h.HitsInOrder().Select(hit => hit.Path).ToList();
        Assert.Equal(6, order.Count);
        Assert.Equal("/api/interactive", order[1]);
        Assert.Equal(0, h.Snapshot().LastInteractiveWait);
    }

    [Fact]
    public async Task SlidingWindowNeverLetsMoreThanTheLimitThroughInAnyWindow()
    {
        var limits = PipelineHarness.DefaultLimits with { RequestsPerWindow = 3, Window = TimeSpan.FromSeconds(10) };
        await using var h = await PipelineHarness.StartAsync(limits);

        var calls = Enumerable.Range(0, 12).Select(i => h.Send(h.Request("item/" + i))).ToList();
        await h.Drive(calls, _step);

        Assert.All(calls, c => Assert.Equal(UpstreamOutcome.Success, c.Result.Outcome));
        var times = h.Server.Hits.Select(hit => hit.At).Order().ToList();
        Assert.Equal(12, times.Count);
        for (var i = 0; i + 3 < times.Count; i++)
        {
            Assert.True(times[i + 3] - times[i] >= TimeSpan.FromSeconds(10), $"Requests {i}..{i + 3} fell in one window.");
        }
    }

    [Fact]
    public async Task WritesHaveTheirOwnOnePerSecondLimit()
    {
        var limits = PipelineHarness.DefaultLimits with { WritesPerSecond = 1 };
        await using var h = await PipelineHarness.StartAsync(limits);

        var writes = Enumerable.Range(0, 4).Select(i => h.Send(h.Request("write/" + i, isWrite: true))).ToList();
        var reads = Enumerable.Range(0, 4).Select(i => h.Send(h.Request("read/" + i))).ToList();
        await h.Drive(writes.Concat(reads), TimeSpan.FromMilliseconds(100));

        var writeTimes = h.Server.Hits.Where(hit => hit.Path.Contains("write", StringComparison.Ordinal)).Select(hit => hit.At).Order().ToList();
        Assert.Equal(4, writeTimes.Count);
        for (var i = 0; i + 1 < writeTimes.Count; i++)
        {
            Assert.True(writeTimes[i + 1] - writeTimes[i] >= TimeSpan.FromSeconds(1), "Two writes within one second.");
        }
    }

    [Fact]
    public async Task ChangedLimitsTakeEffectWithoutARestart()
    {
        var limits = PipelineHarness.DefaultLimits with { DailyQuota = 0 };
        await using var h = await PipelineHarness.StartAsync(limits);
        Assert.Equal(UpstreamOutcome.Success, (await h.Send(h.Request())).Outcome);

        var settings = new IntegrationSettingsService(
            (Jellyfin.Plugin.Aperture.Configuration.IPluginConfigurationStore)GetService(h, typeof(Jellyfin.Plugin.Aperture.Configuration.IPluginConfigurationStore)),
            (IntegrationRegistry)GetService(h, typeof(IntegrationRegistry)));
        Assert.Null(settings.Update(new Jellyfin.Plugin.Aperture.Configuration.IntegrationSettings { Id = PipelineHarness.Service, DailyQuota = 1 }));

        var refused = await h.Send(h.Request());

        Assert.Equal(UpstreamOutcome.QuotaExhausted, refused.Outcome);
        Assert.Equal(1, h.Snapshot().DailyQuota);
        Assert.Equal(1, h.Server.Count);
    }

    private static object GetService(PipelineHarness h, Type type) => h.Services.GetService(type)!;

    private static UpstreamRequest Test(UpstreamRequest request) => new()
    {
        Service = request.Service,
        Target = request.Target,
        Path = request.Path,
        Priority = RequestPriority.Interactive,
        IsConnectionTest = true,
    };
}
