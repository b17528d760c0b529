using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using MediaBrowser.Common.Configuration;
using MediaBrowser.Controller;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

/// <summary>
/// The post-scan step: items a scan queued are enriched right after it, in the background, without the step ever
/// waiting on a service.
/// </summary>
public sealed class EnrichAfterScanTaskTests : IDisposable
{
    private readonly EnrichmentHost _host = new();
    private readonly Mock<IEnrichmentTaskLauncher> _launcher = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void QueuedItemsStartTheEnrichLibraryTaskAndTheStepReturnsAtOnce()
    {
        _host.Configure(IntegrationIds.Tmdb);
        _host.Queue.Add(Guid.NewGuid(), _host.Host.Time.GetUtcNow());
        var progress = new List<double>();

        var run = NewStep().Run(new SyncProgress(progress), CancellationToken.None);

        Assert.True(run.IsCompletedSuccessfully);
        _launcher.Verify(l => l.QueueRun(), Times.Once);
        Assert.Equal(new[] { 100.0 }, progress);
        Assert.Contains("enriches them now in the background", _host.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void AScanThatQueuedNothingStartsNothing()
    {
        _host.Configure(IntegrationIds.Tmdb);

        Assert.True(NewStep().Run(new Progress<double>(), CancellationToken.None).IsCompletedSuccessfully);

        _launcher.Verify(l => l.QueueRun(), Times.Never);
    }

    [Fact]
    public void WithNoEnrichmentServiceConfiguredNothingStarts()
    {
        _host.Queue.Add(Guid.NewGuid(), _host.Host.Time.GetUtcNow());

        NewStep().Run(new Progress<double>(), CancellationToken.None);

        _launcher.Verify(l => l.QueueRun(), Times.Never);
    }

    [Fact]
    public void JellyfinCanCreateTheStepFromThePluginsRegistrations()
    {
        // Jellyfin 10.11 creates every public concrete ILibraryPostScanTask of a plugin with
        // ActivatorUtilities (ApplicationHost.FindParts → GetExports), from the services the registrator added.
        var type = typeof(EnrichAfterScanTask);
        Assert.True(type.IsPublic && !type.IsAbstract && !type.IsGenericType);
        Assert.True(typeof(ILibraryPostScanTask).IsAssignableFrom(type));

        var data = Directory.CreateTempSubdirectory("aperture-registrator-").FullName;
        try
        {
            var services = new ServiceCollection();
            services.AddLogging();
            var paths = new Mock<IApplicationPaths>();
            paths.Setup(p => p.PluginConfigurationsPath).Returns(data);
            services.AddSingleton(paths.Object);
            services.AddSingleton(new Mock<ITaskManager>().Object);
            services.AddSingleton(new Mock<ILibraryManager>().Object);
            services.AddSingleton(new Mock<MediaBrowser.Model.Activity.IActivityManager>().Object);
            new PluginServiceRegistrator().RegisterServices(services, new Mock<IServerApplicationHost>().Object);
            using var provider = services.BuildServiceProvider();

            var step = ActivatorUtilities.CreateInstance<EnrichAfterScanTask>(provider);

            Assert.True(step.Run(new Progress<double>(), CancellationToken.None).IsCompletedSuccessfully);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private EnrichAfterScanTask NewStep() => new(
        _host.Queue,
        _host.Host.Get<IntegrationStatusService>(),
        _launcher.Object,
        _host.Host.Get<ILogger<EnrichAfterScanTask>>());

    private sealed class SyncProgress(List<double> values) : IProgress<double>
    {
        public void Report(double value) => values.Add(value);
    }
}
