using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Http;

public sealed class PipelineResilienceTests
{
    private static readonly TimeSpan _step = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task RateLimitWithRetryAfterIsWaitedOutThenTheCallSucceeds()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Server.Handler = (ctx, i) =>
        {
            if (i == 0)
            {
                ctx.Response.Headers.RetryAfter = "5";
                return LoopbackServer.Json(ctx, 429, "{}");
            }

            return LoopbackServer.Json(ctx, 200, """{"ok":true}""");
        };

        var response = await h.Drive(h.Send(h.Request()), _step);

        Assert.Equal(UpstreamOutcome.Success, response.Outcome);
        var hits = h.HitsInOrder();
        Assert.Equal(2, hits.Count);
        Assert.True(hits[1].At - hits[0].At >= TimeSpan.FromSeconds(5), "The retry came before Retry-After ended.");
        var record = Assert.Single(h.Health.Records);
        Assert.Equal(UpstreamOutcome.Success, record.Response.Outcome);
    }

    [Fact]
    public async Task RetryAfterAsHttpDateIsHonoured()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Server.Handler = (ctx, i) =>
        {
            if (i == 0)
            {
                ctx.Response.Headers.RetryAfter = h.Time.GetUtcNow().AddSeconds(20).ToString("R");
                return LoopbackServer.Json(ctx, 429, "{}");
            }

            return LoopbackServer.Json(ctx, 200, "{}");
        };

        var response = await h.Drive(h.Send(h.Request()), _step);

        Assert.Equal(UpstreamOutcome.Success, response.Outcome);
        var hits = h.HitsInOrder();
        Assert.True(hits[1].At - hits[0].At >= TimeSpan.FromSeconds(19), "The HTTP-date Retry-After was not honoured.");
    }

    [Fact]
    public async Task OutageIsRetriedAFewTimesThenReportedAsOutage()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Server.Handler = (ctx, _) => LoopbackServer.Json(ctx, 503, "{}");

        var response = await h.Drive(h.Send(h.Request()), _step);

        Assert.Equal(UpstreamOutcome.Outage, response.Outcome);
        Assert.Equal(3, h.Server.Count);
        Assert.Contains("gave up after 3 attempts", response.Message, StringComparison.Ordinal);
        var record = Assert.Single(h.Health.Records);
        Assert.Equal(UpstreamOutcome.Outage, record.Response.Outcome);
    }

    [Fact]
    public async Task RepeatedOutagesOpenTheCircuitThenItHalfOpensAndRecovers()
    {
        var options = new UpstreamPipelineOptions
        {
            CircuitMinimumThroughput = 3,
            CircuitFailureRatio = 1.0,
            CircuitBreakDuration = TimeSpan.FromSeconds(30),
        };
        await using var h = await PipelineHarness.StartAsync(options: options);
        var healthy = false;
        h.Server.Handler = (ctx, _) => LoopbackServer.Json(ctx, healthy ? 200 : 503, "{}");

        var first = await h.Drive(h.Send(h.Request()), _step);
        Assert.Equal(UpstreamOutcome.Outage, first.Outcome);
        Assert.Equal(CircuitStatus.Open, h.Snapshot().Circuit);
        var hitsWhenOpened = h.Server.Count;

        // While open: Outage at once, nothing reaches the server, no clock movement needed.
        var blocked = await h.Send(h.Request());
        Assert.Equal(UpstreamOutcome.Outage, blocked.Outcome);
        Assert.Contains("circuit open", blocked.Message, StringComparison.Ordinal);
        Assert.Equal(hitsWhenOpened, h.Server.Count);

        healthy = true;
        h.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(CircuitStatus.HalfOpen, h.Snapshot().Circuit);
        var probe = await h.Drive(h.Send(h.Request()), _step);

        Assert.Equal(UpstreamOutcome.Success, probe.Outcome);
        Assert.Equal(hitsWhenOpened + 1, h.Server.Count);
        Assert.Equal(CircuitStatus.Closed, h.Snapshot().Circuit);
    }

    [Fact]
    public async Task ServerThatHangsTimesOutEachAttemptAndEndsAsOutage()
    {
        var limits = PipelineHarness.DefaultLimits with { Timeout = TimeSpan.FromSeconds(2) };
        await using var h = await PipelineHarness.StartAsync(limits);
        h.Server.Handler = async (ctx, _) =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
        };

        var response = await h.Drive(h.Send(h.Request()), _step);

        Assert.Equal(UpstreamOutcome.Outage, response.Outcome);
        Assert.Contains("did not answer within 2 s", response.Message, StringComparison.Ordinal);
        Assert.Contains("gave up after 3 attempts", response.Message, StringComparison.Ordinal);

        // The clock runs fast, so a later attempt may time out before its request even reaches the server.
        Assert.InRange(h.Server.Count, 1, 3);
    }

    [Fact]
    public async Task ACallerCancellingDuringTheBackOffStillRecordsTheOutageItSaw()
    {
        // The fake clock never reaches the first back-off, so the caller cancels while the pipeline waits to retry.
        await using var h = await PipelineHarness.StartAsync();
        h.Server.Handler = (ctx, _) => LoopbackServer.Json(ctx, 503, "{}");
        using var stop = new CancellationTokenSource();

        var call = h.Pipeline.SendAsync(h.Request(), stop.Token);
        await PipelineHarness.Until(() => h.Logs.All.Contains("attempt 1: Outage", StringComparison.Ordinal), "the first attempt failed");
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, h.Server.Count);
        Assert.Equal(UpstreamOutcome.Outage, Assert.Single(h.Health.Records).Response.Outcome);
    }

    [Fact]
    public async Task HtmlPageWithStatus200IsABadResponseAndNotRetried()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Server.Handler = (ctx, _) => LoopbackServer.Json(ctx, 200, "<!DOCTYPE html><html><body>Sign in</body></html>", "text/html");

        var response = await h.Send(h.Request());

        Assert.Equal(UpstreamOutcome.BadResponse, response.Outcome);
        Assert.Contains("HTML page", response.Message, StringComparison.Ordinal);
        Assert.Contains("proxy or login page", response.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Server.Count);
    }

    [Fact]
    public async Task TruncatedJsonIsABadResponse()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Server.Handler = (ctx, _) => LoopbackServer.Json(ctx, 200, """{"results":[{"id":1""");

        var response = await h.Send(h.Request());

        Assert.Equal(UpstreamOutcome.BadResponse, response.Outcome);
        Assert.Contains("not valid JSON", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedirectToALoginPageIsABadResponseAndNotFollowed()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Server.Handler = (ctx, _) =>
        {
            if (ctx.Request.Path.StartsWithSegments("/login"))
            {
                return LoopbackServer.Json(ctx, 200, "{}");
            }

            ctx.Response.StatusCode = 302;
            ctx.Response.Headers.Location = "/login?next=/api/item";
            return Task.CompletedTask;
        };

        var response = await h.Send(h.Request());

        Assert.Equal(UpstreamOutcome.BadResponse, response.Outcome);
        Assert.Contains("redirect (HTTP 302)", response.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Server.Count);
        Assert.DoesNotContain(h.Server.Hits, hit => hit.Path.StartsWith("/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusedKeyIsNotRetried()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Server.Handler = (ctx, _) => LoopbackServer.Json(ctx, 401, """{"status_message":"Invalid API key"}""");

        var response = await h.Send(h.Request());

        Assert.Equal(UpstreamOutcome.Authentication, response.Outcome);
        Assert.Equal(1, h.Server.Count);
        Assert.Equal(UpstreamOutcome.Authentication, Assert.Single(h.Health.Records).Response.Outcome);
    }

    [Fact]
    public async Task UnreachableServiceIsAnOutageNotAnException()
    {
        await using var h = await PipelineHarness.StartAsync(options: new UpstreamPipelineOptions { MaxAttempts = 1 });
        var closedPort = h.Server.BaseUrl;
        await h.Server.DisposeAsync();

        var response = await h.Send(h.Request(baseUrl: closedPort));

        Assert.Equal(UpstreamOutcome.Outage, response.Outcome);
        Assert.Contains("could not be reached", response.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotFoundIsANormalAnswerRecordedOnce()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Server.Handler = (ctx, _) => LoopbackServer.Json(ctx, 404, "{}");

        var response = await h.Send(h.Request());

        Assert.Equal(UpstreamOutcome.NotFound, response.Outcome);
        Assert.Equal(1, h.Server.Count);
        Assert.Single(h.Health.Records);
        Assert.DoesNotContain(h.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
    }
}
