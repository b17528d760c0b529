using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Storage;
using Jellyfin.Plugin.Aperture.Tests.Core;
using Jellyfin.Plugin.Aperture.TopPicks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Jellyfin.Plugin.Aperture.Tests.TopPicks;

/// <summary>
/// Top Picks wired as the plugin wires it (real pipeline, database, stores), pointed at the MDBList emulator, with a
/// library and collections standing in for Jellyfin. One attempt per call, so a failed page fails at once.
/// </summary>
public sealed class TopPicksHost : IDisposable
{
    private readonly ClockPump _pump = new();

    public TopPicksHost(MdbListEmulator mdbList)
    {
        DataDirectory = Directory.CreateTempSubdirectory("aperture-toppicks-").FullName;
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(new AperturePaths(DataDirectory));
        services.AddSingleton<IPluginConfigurationStore>(new InMemoryConfigurationStore());
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(new UpstreamPipelineOptions { MaxAttempts = 1 });
        _pump.Watch(services);
        ApertureServices.Add(services);
        services.AddSingleton<ITopPicksLibrary>(new Library(this));
        services.AddSingleton<ITopPicksCollections>(Collections);
        services.AddSingleton<ILibraryScanState>(Scan);
        services.AddSingleton<IAlertNotifier>(Notices);
        services.AddSingleton<TopPicksSync>();
        Provider = services.BuildServiceProvider();
        Collections.ScanRunning = () => Scan.RunningFor > 0;

        var error = Get<IntegrationSettingsService>().Update(new IntegrationSettings { Id = IntegrationIds.MdbList, BaseUrl = mdbList.BaseUrl.AbsoluteUri });
        if (error is not null)
        {
            throw new InvalidOperationException(error);
        }

        Get<CredentialStore>().Set(IntegrationIds.MdbList, new IntegrationCredentials(new[] { new KeyValuePair<string, string>("apiKey", mdbList.ValidKey) }));
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public CapturingLoggerProvider Logs { get; } = new();

    public ServiceProvider Provider { get; }

    public FakeCollections Collections { get; } = new();

    /// <summary>Gets what reached the activity log's notifier: "opened toppicks Outage", "cleared toppicks Outage".</summary>
    public Notifications Notices { get; } = new();

    /// <summary>Gets Jellyfin's library scan as Top Picks sees it; a test makes it run.</summary>
    public ScanState Scan { get; } = new();

    /// <summary>Gets the library: what Jellyfin holds.</summary>
    public List<LibraryItem> Items { get; } = [];

    public T Get<T>()
        where T : notnull => Provider.GetRequiredService<T>();

    public LibraryItem AddMovie(string name, string? imdb, int? tmdb)
    {
        var item = new LibraryItem(Guid.NewGuid(), MediaKind.Movie, name, 2000, tmdb?.ToString(System.Globalization.CultureInfo.InvariantCulture), imdb, null, DateTime.UtcNow);
        Items.Add(item);
        return item;
    }

    public LibraryItem AddSeries(string name, int tvdb)
    {
        var item = new LibraryItem(Guid.NewGuid(), MediaKind.Series, name, 2008, null, null, tvdb.ToString(System.Globalization.CultureInfo.InvariantCulture), DateTime.UtcNow);
        Items.Add(item);
        return item;
    }

    public void Choose(params TopPicksListChoice[] choices) => Get<TopPicksStore>().SaveChoices(choices, TopPicksStore.DefaultNamePattern);

    public Task<TopPicksRunReport> RunAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return _pump.RunAsync(Time, Get<TopPicksSync>().RunAsync(null, guard.Token));
    }

    /// <summary>Gets the one collection a list made, by the id Top Picks stored.</summary>
    public (string Name, List<Guid> Members) CollectionOf(string listId)
    {
        var id = Get<TopPicksStore>().GetState(listId).CollectionId ?? throw new InvalidOperationException("No collection was made.");
        return Collections.All[id];
    }

    public void AdvancePastMidnight()
    {
        var now = Time.GetUtcNow();
        Time.SetUtcNow(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1).AddMinutes(1));
    }

    public void Dispose()
    {
        Provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }

    public sealed class Notifications : IAlertNotifier
    {
        public List<string> All { get; } = [];

        public void Opened(Alert alert) => All.Add("opened " + alert.Service + " " + alert.Kind);

        public void Resolved(Alert alert, string resolution) => All.Add("cleared " + alert.Service + " " + alert.Kind);
    }

    public sealed class ScanState : ILibraryScanState
    {
        /// <summary>Gets or sets how many more checks see the scan running.</summary>
        public int RunningFor { get; set; }

        public int Checks { get; private set; }

        public bool IsScanRunning
        {
            get
            {
                Checks++;
                return RunningFor-- > 0;
            }
        }
    }

    private sealed class Library(TopPicksHost host) : ITopPicksLibrary
    {
        public IReadOnlyList<LibraryItem> ReadAll() => host.Items.ToList();
    }
}
