using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Library;
using Jellyfin.Plugin.Aperture.TraktSync;
using MediaBrowser.Common.Configuration;
using MediaBrowser.Controller;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TraktSync;

/// <summary>The registrator wires the rating sync as Jellyfin will build it: the task, and a listener that subscribes and unsubscribes.</summary>
public sealed class RatingsSyncWiringTests
{
    [Fact]
    public async Task TheTaskAndTheListenerAreBuiltFromJellyfinsServices()
    {
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
            services.AddSingleton(new Mock<IUserManager>().Object);
            var userData = new Mock<IUserDataManager>();
            services.AddSingleton(userData.Object);
            services.AddSingleton(new Mock<MediaBrowser.Model.Activity.IActivityManager>().Object);
            new PluginServiceRegistrator().RegisterServices(services, new Mock<IServerApplicationHost>().Object);
            using var provider = services.BuildServiceProvider();

            // Jellyfin creates the task itself with constructor injection.
            Assert.NotNull(ActivatorUtilities.CreateInstance<SyncTraktRatingsTask>(provider));
            // Registered as a hosted service (built alone: the others need more of Jellyfin than this test offers).
            Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(UserRatingListener));
            var listener = ActivatorUtilities.CreateInstance<UserRatingListener>(provider);

            await listener.StartAsync(CancellationToken.None);
            userData.VerifyAdd(u => u.UserDataSaved += It.IsAny<EventHandler<UserDataSaveEventArgs>>(), Times.Once);
            await listener.StopAsync(CancellationToken.None);
            userData.VerifyRemove(u => u.UserDataSaved -= It.IsAny<EventHandler<UserDataSaveEventArgs>>(), Times.Once);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
