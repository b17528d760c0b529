using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Http;

/// <summary>
/// A scope (a Trakt user) has a rate budget of its own: its 429 pauses only its calls. The daily quota stays the
/// service's: a spent quota holds every scope's calls.
/// </summary>
public sealed class PipelineScopeTests
{
    [Fact]
    public async Task AScopesRateLimitPausesOnlyThatScope()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Server.Handler = (ctx, i) =>
        {
            if (i == 0)
            {
                ctx.Response.Headers.RetryAfter = "300";
                return LoopbackServer.Json(ctx, 429, "{}");
            }

            return LoopbackServer.Json(ctx, 200, "{}");
        };

        Assert.Equal(UpstreamOutcome.RateLimited, (await h.Send(Scoped(h, "alice"))).Outcome);
        var parked = await h.Send(Scoped(h, "alice"));
        var bob = await h.Send(Scoped(h, "bob"));
        var service = await h.Send(h.Request());

        Assert.Equal(UpstreamOutcome.RateLimited, parked.Outcome);
        Assert.Contains("calls resume at", parked.Message, System.StringComparison.Ordinal);
        Assert.Equal(UpstreamOutcome.Success, bob.Outcome);
        Assert.Equal(UpstreamOutcome.Success, service.Outcome);
        Assert.Equal(3, h.Server.Count);
        Assert.Null(h.Snapshot().PausedUntil);
    }

    [Fact]
    public async Task ASpentQuotaHoldsEveryScope()
    {
        await using var h = await PipelineHarness.StartAsync();
        h.Server.Handler = (ctx, _) => LoopbackServer.Json(ctx, 402, "{}");

        Assert.Equal(UpstreamOutcome.QuotaExhausted, (await h.Send(Scoped(h, "alice"))).Outcome);
        Assert.Equal(UpstreamOutcome.QuotaExhausted, (await h.Send(Scoped(h, "bob"))).Outcome);

        Assert.Equal(1, h.Server.Count);
        Assert.NotNull(h.Snapshot().ParkedUntil);
    }

    private static UpstreamRequest Scoped(PipelineHarness h, string scope)
    {
        var request = h.Request();
        return new UpstreamRequest { Service = request.Service, Target = request.Target, Path = request.Path, Scope = scope };
    }
}
