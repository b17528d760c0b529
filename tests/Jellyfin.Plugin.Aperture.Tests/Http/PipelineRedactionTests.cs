using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Secrets;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Http;

public sealed class PipelineRedactionTests
{
    private const string Key = "k3y-0f-th3-adm1n-9f8e7d";

    private static IntegrationCredentials Credentials => new([new KeyValuePair<string, string>("apiKey", Key)]);

    [Fact]
    public async Task KeyInTheQueryStringNeverReachesLogsOrMessages()
    {
        await using var h = await PipelineHarness.StartAsync();

        // The server echoes the query (and so the key) in an error body the classifier puts in its message.
        h.Server.Handler = (ctx, _) => LoopbackServer.Json(ctx, 500, "{\"error\":\"bad request " + ctx.Request.QueryString.Value + "\"}");

        var response = await h.Drive(h.Send(h.Request("movie/603?api_key=" + Key, credentials: Credentials)), TimeSpan.FromMilliseconds(250));

        Assert.Equal(UpstreamOutcome.Outage, response.Outcome);
        Assert.Contains(h.Server.Hits, hit => hit.Query.Contains(Key, StringComparison.Ordinal));
        Assert.DoesNotContain(Key, response.Message, StringComparison.Ordinal);
        Assert.NotEmpty(h.Logs.Lines);
        Assert.Contains(h.Logs.Lines, l => l.Contains("movie/603", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Logs.Lines, l => l.Contains(Key, StringComparison.Ordinal));
        Assert.DoesNotContain(h.Health.Records, r => r.Response.Message.Contains(Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task KeyOfAnUnreachableServiceNeverReachesLogsOrMessages()
    {
        await using var h = await PipelineHarness.StartAsync(options: new UpstreamPipelineOptions { MaxAttempts = 1 });
        var closed = h.Server.BaseUrl;
        await h.Server.DisposeAsync();

        var response = await h.Send(h.Request("find/tt0133093?api_key=" + Key, credentials: Credentials, baseUrl: closed));

        Assert.Equal(UpstreamOutcome.Outage, response.Outcome);
        Assert.DoesNotContain(Key, response.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Logs.Lines, l => l.Contains(Key, StringComparison.Ordinal));
    }
}
