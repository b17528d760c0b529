using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Api;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Library;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Moq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

public sealed class EnrichLibraryTaskTests : IDisposable
{
    private readonly EnrichmentHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task WithNothingConfiguredTheTaskLogsOneLineAndReadsNothing()
    {
        var library = new Mock<ILibraryManager>(MockBehavior.Strict);
        var progress = new List<double>();

        await NewTask(library.Object).ExecuteAsync(new SyncProgress(progress), CancellationToken.None);

        library.VerifyNoOtherCalls();
        Assert.Equal(new[] { 100.0 }, progress);
        var lines = _host.Host.Logs.AllText.Split('\n').Where(l => l.Contains("EnrichLibraryTask", StringComparison.Ordinal)).ToList();
        Assert.Single(lines);
        Assert.Contains("none of TMDb, MDBList or OMDb is configured", lines[0], StringComparison.Ordinal);
        Assert.Empty(_host.Store.ListRuns(10));
    }

    [Fact]
    public async Task TheTaskEnrichesTheLibraryAndSavesChangedItemsOnly()
    {
        _host.Configure(IntegrationIds.Tmdb);
        _host.Tmdb.Answer = SourceResults.Found(new TmdbMetadata("161", null, new[] { "heist" }, null, null, new[] { new CrewCredit("Stephen Mirrione", "Editor", null) }));
        var movie = new SavingMovie { Id = Guid.NewGuid(), Name = "Ocean's Eleven", DateCreated = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        movie.ProviderIds["Tmdb"] = "161";
        var library = new Mock<ILibraryManager>();
        library.Setup(l => l.GetItemList(It.IsAny<InternalItemsQuery>())).Returns(new BaseItem[] { movie });
        library.Setup(l => l.GetItemById(movie.Id)).Returns(movie);
        library.Setup(l => l.GetPeople(movie)).Returns(Array.Empty<PersonInfo>());
        library.Setup(l => l.UpdatePeopleAsync(movie, It.IsAny<IReadOnlyList<PersonInfo>>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var progress = new List<double>();

        await NewTask(library.Object).ExecuteAsync(new SyncProgress(progress), CancellationToken.None);

        Assert.Equal(new[] { "heist" }, movie.Tags);
        Assert.Equal(1, movie.Saves);
        library.Verify(l => l.UpdatePeopleAsync(movie, It.Is<IReadOnlyList<PersonInfo>>(p => p.Single().Name == "Stephen Mirrione"), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(100.0, progress.Last());
        var run = Assert.Single(_host.Store.ListRuns(10));
        Assert.Equal("completed", run.Status);
    }

    [Fact]
    public void TheTaskIsNamedAndScheduledDaily()
    {
        var task = NewTask(new Mock<ILibraryManager>().Object);

        Assert.Equal(("Enrich library", "ApertureEnrichLibrary", "Aperture"), (task.Name, task.Key, task.Category));
        var trigger = Assert.Single(task.GetDefaultTriggers());
        Assert.Equal(TaskTriggerInfoType.IntervalTrigger, trigger.Type);
        Assert.Equal(TimeSpan.FromHours(24).Ticks, trigger.IntervalTicks);
    }

    [Fact]
    public void TheRunEndpointQueuesTheTaskAndAnswers202()
    {
        var launcher = new Mock<IEnrichmentTaskLauncher>();
        var controller = new EnrichmentController(_host.Host.Get<EnrichmentSettingsService>(), _host.Store, launcher.Object, new LibraryItemReader(new Mock<ILibraryManager>().Object));

        Assert.IsType<AcceptedResult>(controller.Run());
        launcher.Verify(l => l.QueueRun(), Times.Once);
    }

    [Fact]
    public void TheOverviewListsRunsWithParsedSummaries()
    {
        var id = _host.Store.StartRun(_host.Host.Time.GetUtcNow());
        _host.Store.FinishRun(id, "completed", "{\"Total\":3}", _host.Host.Time.GetUtcNow());
        var controller = new EnrichmentController(_host.Host.Get<EnrichmentSettingsService>(), _host.Store, new Mock<IEnrichmentTaskLauncher>().Object, new LibraryItemReader(new Mock<ILibraryManager>().Object));

        var view = Assert.IsType<Api.Models.EnrichmentView>(Assert.IsType<OkObjectResult>(controller.Get().Result).Value);

        var run = Assert.Single(view.Runs);
        Assert.Equal(3, run.Summary!.Value.GetProperty("Total").GetInt32());
        Assert.Equal("mdblist,omdb", view.Settings.CriticSourceOrder);
    }

    [Fact]
    public void SettingsAreValidatedAndSavedWithoutTouchingOtherSettings()
    {
        var service = _host.Host.Get<EnrichmentSettingsService>();
        _host.Host.Configuration.Current.Integrations.Add(new IntegrationSettings { Id = "omdb", DailyQuota = 500 });

        Assert.NotNull(service.Update(new EnrichmentSettings { FreshDays = 0 }));
        Assert.NotNull(service.Update(new EnrichmentSettings { CriticSourceOrder = "omdb,trakt" }));
        Assert.NotNull(service.Update(new EnrichmentSettings { CriticSourceOrder = "omdb,omdb" }));
        Assert.NotNull(service.Update(new EnrichmentSettings { ImageLanguage = "english" }));
        Assert.Equal(30, service.Current.FreshDays);

        Assert.Null(service.Update(new EnrichmentSettings { CriticSourceOrder = " OMDb , mdblist", ScoreTags = true, FreshDays = 14, ImageLanguage = "DE" }));

        Assert.Equal(("omdb,mdblist", true, 14, "de"), (service.Current.CriticSourceOrder, service.Current.ScoreTags, service.Current.FreshDays, service.Current.ImageLanguage));
        Assert.Equal(500, Assert.Single(_host.Host.Configuration.Current.Integrations).DailyQuota);
    }

    private EnrichLibraryTask NewTask(ILibraryManager library) => new(
        new LibraryItemReader(library),
        _host.Host.Get<EnrichmentRunner>(),
        _host.Queue,
        new JellyfinEnrichmentApplier(library, _host.Host.Configuration, _host.Host.Get<ILogger<JellyfinEnrichmentApplier>>()),
        _host.Host.Get<IntegrationStatusService>(),
        _host.Host.Get<ILogger<EnrichLibraryTask>>());

    /// <summary>A movie that records saves instead of calling Jellyfin's static library manager.</summary>
    private sealed class SavingMovie : Movie
    {
        public int Saves { get; private set; }

        public override Task UpdateToRepositoryAsync(ItemUpdateType updateReason, CancellationToken cancellationToken)
        {
            Assert.Equal(ItemUpdateType.MetadataEdit, updateReason);
            Saves++;
            return Task.CompletedTask;
        }
    }

    private sealed class SyncProgress(List<double> values) : IProgress<double>
    {
        public void Report(double value) => values.Add(value);
    }
}
