using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class IntegrationWiringTests
{
    // What a host (Jellyfin's registrator, the tests) provides before ApertureServices.Add.
    private static ServiceCollection HostServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new Jellyfin.Plugin.Aperture.Storage.AperturePaths(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aperture-wiring-" + Guid.NewGuid().ToString("N"))));
        services.AddSingleton<Jellyfin.Plugin.Aperture.Configuration.IPluginConfigurationStore, Jellyfin.Plugin.Aperture.Configuration.InMemoryConfigurationStore>();
        return services;
    }

    [Fact]
    public void AllSixResolveInSetupOrderEvenWhenThePipelineNeedsTheRegistry()
    {
        var services = HostServices();
        ApertureServices.Add(services);
        services.AddSingleton<IUpstreamPipeline, RegistryReadingPipeline>();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var registry = provider.GetRequiredService<IntegrationRegistry>();
        provider.GetRequiredService<IUpstreamPipeline>();

        Assert.Equal(
            [IntegrationIds.Ai, IntegrationIds.Tmdb, IntegrationIds.Omdb, IntegrationIds.Trakt, IntegrationIds.MdbList, IntegrationIds.Seerr],
            registry.All.Select(i => i.Descriptor.Id));
        Assert.Equal([1, 2, 3, 4, 5, 6], registry.All.Select(i => i.Descriptor.SetupOrder));
    }

    [Fact]
    public async Task AnIntegrationsCallReachesThePipelineRegisteredInTheContainer()
    {
        var services = HostServices();
        ApertureServices.Add(services);
        services.AddSingleton<IUpstreamPipeline, RegistryReadingPipeline>();
        using var provider = services.BuildServiceProvider();
        var tmdb = provider.GetRequiredService<IntegrationRegistry>().Get(IntegrationIds.Tmdb);

        var result = await tmdb.TestConnectionAsync(EmulatorFixture<global::Aperture.Emulators.TmdbEmulator>.Target(new Uri("http://127.0.0.1:9/3"), ("apiKey", "k-123")), CancellationToken.None);

        Assert.Equal(UpstreamOutcome.Outage, result.Outcome);
        Assert.Equal(1, ((RegistryReadingPipeline)provider.GetRequiredService<IUpstreamPipeline>()).Calls);
    }

    [Fact]
    public void DescriptorsCarryTheDocumentedDefaults()
    {
        var services = HostServices();
        ApertureServices.Add(services);
        services.AddSingleton<IUpstreamPipeline, RegistryReadingPipeline>();
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<IntegrationRegistry>();

        var omdb = registry.Get(IntegrationIds.Omdb).Descriptor;
        Assert.Equal(1000, omdb.DefaultLimits.DailyQuota);
        Assert.Equal(new IntegrationLimits(40, TimeSpan.FromSeconds(10), 0, 0, 4, TimeSpan.FromSeconds(10)), registry.Get(IntegrationIds.Tmdb).Descriptor.DefaultLimits);
        Assert.Equal(1, registry.Get(IntegrationIds.Trakt).Descriptor.DefaultLimits.WritesPerSecond);
        Assert.Null(registry.Get(IntegrationIds.Seerr).Descriptor.DefaultBaseUrl);
        Assert.Equal(["clientId", "clientSecret"], registry.Get(IntegrationIds.Trakt).Descriptor.CredentialFields.Select(f => f.Name));
        var ai = registry.Get(IntegrationIds.Ai).Descriptor;
        Assert.Equal(IntegrationPriority.Essential, ai.Priority);
        Assert.Equal("gpt-4o-mini", ai.OptionFields.Single(o => o.Name == "chatModel").DefaultValue);
        Assert.Equal("text-embedding-3-small", ai.OptionFields.Single(o => o.Name == "embeddingModel").DefaultValue);
    }

    /// <summary>Stands in for the real pipeline's shape: it reads integrations through the registry.</summary>
    private sealed class RegistryReadingPipeline(IntegrationRegistry registry) : IUpstreamPipeline
    {
        public int Calls { get; private set; }

        public Task<UpstreamResponse> SendAsync(UpstreamRequest request, CancellationToken cancellationToken)
        {
            Calls++;
            _ = registry.Get(request.Service).Classifier;
            return Task.FromResult(new UpstreamResponse { Outcome = UpstreamOutcome.Outage, Message = "offline" });
        }
    }
}
