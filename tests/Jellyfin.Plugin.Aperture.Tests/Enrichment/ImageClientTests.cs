using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Tests.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

/// <summary>
/// The client that downloads TMDb images for Jellyfin is configured on purpose: a bounded timeout, no redirect to
/// another scheme, and no URL in the logs.
/// </summary>
public sealed class ImageClientTests
{
    [Fact]
    public async Task TheImageClientHasABoundedTimeoutAndNeverLogsTheUrl()
    {
        var logs = new Core.CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(new Mock<MediaBrowser.Common.Configuration.IApplicationPaths>().Object);
        new PluginServiceRegistrator().RegisterServices(services, new Mock<MediaBrowser.Controller.IServerApplicationHost>().Object);
        using var provider = services.BuildServiceProvider();
        await using var server = await LoopbackServer.StartAsync(TimeProvider.System);
        server.Handler = (ctx, _) => LoopbackServer.Json(ctx, 200, "{}", "image/jpeg");

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(TmdbImageProvider.HttpClientName);
        using var response = await client.GetAsync(new Uri(server.BaseUrl, "t/p/original/poster.jpg?marker=secret-marker-1234"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TmdbImageProvider.DownloadTimeout, client.Timeout);
        Assert.DoesNotContain("secret-marker-1234", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("poster.jpg", logs.AllText, StringComparison.Ordinal);
    }
}
