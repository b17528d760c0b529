using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Aperture.Emulators.Catalog;
using Jellyfin.Plugin.Aperture;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;
using Jellyfin.Plugin.Aperture.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using CatalogKind = Aperture.Emulators.Catalog.MediaKind;
using MediaKind = Jellyfin.Plugin.Aperture.Enrichment.MediaKind;

namespace Aperture.Benchmarks;

/// <summary>
/// A synthetic 10,000-title library (7,000 movies, 3,000 series) enriched by the real runner, engine, store,
/// sources and pipeline against the TMDb, OMDb and MDBList emulators, on real time. Each emulator enforces the
/// same sliding-window limit the pipeline is given, scaled up so the run takes about a minute. Prints the
/// quota cost per item, what that means in days on each free tier, achieved rate / limit, requests over the
/// limit, and what a warm re-run sends.
/// </summary>
internal static class EnrichmentBenchmark
{
    private const int Movies = 7_000;
    private const int Series = 3_000;

    // Scaled limits (per 1 s window), given to the emulators and the pipeline alike. The documented defaults are
    // TMDb 40 per 10 s, OMDb 1,000 per day and MDBList 1,000 per 5 minutes plus a daily allowance.
    private static readonly Dictionary<string, int> _perSecond = new()
    {
        [IntegrationIds.Tmdb] = 200,
        [IntegrationIds.Omdb] = 200,
        [IntegrationIds.MdbList] = 200,
    };

    // The free tiers the cost is measured against.
    private static readonly Dictionary<string, (string Limit, double PerDay)> _freeTier = new()
    {
        [IntegrationIds.Tmdb] = ("no daily quota; 40 per 10 s default pace", 40 * 6 * 60 * 24),
        [IntegrationIds.Omdb] = ("1,000 per day", 1_000),
        [IntegrationIds.MdbList] = ("1,000 per day, no batch", 1_000),
    };

    public static async Task<int> RunAsync()
    {
        var scale = Environment.GetEnvironmentVariable("APERTURE_BENCH_ITEMS") is { } n && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var items) && items > 0
            ? items / (double)(Movies + Series)
            : 1.0;
        var library = Build((int)(Movies * scale), (int)(Series * scale));
        var movies = library.Count(i => i.Kind == MediaKind.Movie);
        Console.WriteLine($"Enrichment of a synthetic library: {library.Count:N0} items ({movies:N0} movies, {library.Count - movies:N0} series)");

        var tmdb = await TmdbEmulator.StartAsync();
        var omdb = await OmdbEmulator.StartAsync();
        var mdbList = await MdbListEmulator.StartAsync();
        var emulators = new Dictionary<string, ServiceEmulator> { [IntegrationIds.Tmdb] = tmdb, [IntegrationIds.Omdb] = omdb, [IntegrationIds.MdbList] = mdbList };
        try
        {
            // MDBList reports its allowance in headers and /user (the emulator says 1,000 unless told); the cost per
            // item, not the allowance, is what is measured here, so the allowance covers the whole library.
            mdbList.DailyQuota = 1_000_000;
            foreach (var (id, emulator) in emulators)
            {
                emulator.SetRateLimit(_perSecond[id], TimeSpan.FromSeconds(1));
            }

            var ok = true;
            using (var host = new BenchHost(emulators, e => e.Images = false))
            {
                var clock = Stopwatch.StartNew();
                var cold = await host.Runner.RunAsync(library, new CountingApplier(), new Progress<double>(), CancellationToken.None);
                clock.Stop();
                Console.WriteLine($"Cold run: {cold.Due:N0} due, {cold.Enriched:N0} enriched, failed {cold.FailedByReason.Values.Sum()}, deferred {cold.DeferredByService.Values.Sum()}, in {clock.Elapsed.TotalSeconds:0} s");
                Console.WriteLine();
                Console.WriteLine("| service | requests | per item | per title it covers | days for this library on the free tier | achieved rate / limit | over-limit 429s |");
                Console.WriteLine("|---|---|---|---|---|---|---|");
                foreach (var (id, emulator) in emulators)
                {
                    var requests = emulator.Requests;
                    var covered = id == IntegrationIds.Omdb ? movies : library.Count;
                    var (tier, perDay) = _freeTier[id];
                    var days = requests.Count / perDay;
                    var daysText = id == IntegrationIds.Tmdb
                        ? $"{days * 24:0.0} h of pacing ({tier})"
                        : $"{Math.Ceiling(days):0} days ({tier})";
                    var achieved = AchievedShare(requests.Select(r => r.Time).Order().ToList(), _perSecond[id]);
                    Console.WriteLine($"| {id} | {requests.Count:N0} | {(double)requests.Count / library.Count:0.0000} | {(double)requests.Count / covered:0.0000} | {daysText} | {achieved:0.000} | {emulator.OverLimitCount} |");
                    ok &= emulator.OverLimitCount == 0 && cold.FailedByReason.Count == 0;
                }

                foreach (var emulator in emulators.Values)
                {
                    emulator.Reset();
                }

                var warm = await host.Runner.RunAsync(library, new CountingApplier(), new Progress<double>(), CancellationToken.None);
                var warmRequests = emulators.Values.Sum(e => e.RequestCount);
                Console.WriteLine();
                Console.WriteLine($"Warm re-run: {warm.Due:N0} due, {warmRequests} upstream requests (target 0)");
                ok &= warmRequests == 0;
            }

            // A supporter account: MDBList alone, batch lookups of 100 TMDb ids.
            foreach (var emulator in emulators.Values)
            {
                emulator.Reset();
            }

            mdbList.IsSupporter = true;
            using (var host = new BenchHost(new Dictionary<string, ServiceEmulator> { [IntegrationIds.MdbList] = mdbList }, e => e.Images = false))
            {
                var batched = await host.Runner.RunAsync(library, new CountingApplier(), new Progress<double>(), CancellationToken.None);
                var posts = mdbList.Requests.Count(r => r.Method == "POST");
                Console.WriteLine($"MDBList supporter (batches of 100): {mdbList.RequestCount:N0} requests for {library.Count:N0} items ({posts} batch POSTs + GET user), "
                    + $"{(double)mdbList.RequestCount / library.Count:0.0000} per item; {batched.Enriched:N0} enriched");
                ok &= mdbList.OverLimitCount == 0;
            }

            Console.WriteLine(ok ? "All targets met." : "Some targets were missed.");
            return ok ? 0 : 1;
        }
        finally
        {
            foreach (var emulator in emulators.Values)
            {
                await emulator.DisposeAsync();
            }
        }
    }

    // Requests admitted within the whole 1-second windows the run took, over windows × limit: a limiter that keeps
    // the service exactly at its limit scores 1.000, and no window can hold more than the limit without a 429.
    private static double AchievedShare(List<DateTimeOffset> times, int perSecond)
    {
        var windows = Math.Max(1, (int)(times[^1] - times[0]).TotalSeconds);
        var inWindows = times.Count(t => t < times[0].AddSeconds(windows));
        return (double)inWindows / (windows * perSecond);
    }

    private static List<LibraryItem> Build(int movies, int series)
    {
        var added = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var titles = Enumerable.Range(1, movies).Select(MediaCatalog.SyntheticMovie)
            .Concat(Enumerable.Range(1, series).Select(MediaCatalog.SyntheticShow));
        return titles.Select((t, i) => new LibraryItem(
            Guid.NewGuid(),
            t.Kind == CatalogKind.Show ? MediaKind.Series : MediaKind.Movie,
            t.Title,
            t.Year,
            t.TmdbId.ToString(CultureInfo.InvariantCulture),
            t.ImdbId,
            t.TvdbId?.ToString(CultureInfo.InvariantCulture),
            added.AddMinutes(i))).ToList();
    }

    /// <summary>The plugin's services on real time, pointed at the emulators with scaled limits.</summary>
    private sealed class BenchHost : IDisposable
    {
        private readonly string _dataDir = Directory.CreateTempSubdirectory("aperture-enrich-bench-").FullName;
        private readonly ServiceProvider _provider;

        public BenchHost(IReadOnlyDictionary<string, ServiceEmulator> emulators, Action<EnrichmentSettings> enrichment)
        {
            var configuration = new InMemoryConfigurationStore();
            enrichment(configuration.Current.Enrichment);
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(new AperturePaths(_dataDir));
            services.AddSingleton<IPluginConfigurationStore>(configuration);
            ApertureServices.Add(services);
            _provider = services.BuildServiceProvider();
            var settings = _provider.GetRequiredService<IntegrationSettingsService>();
            foreach (var (id, emulator) in emulators)
            {
                // DailyQuota 0: no local daily cap, so the whole library runs; the free-tier days are computed.
                var error = settings.Update(new IntegrationSettings
                {
                    Id = id,
                    BaseUrl = emulator.BaseUrl.AbsoluteUri,
                    RequestsPerWindow = _perSecond[id],
                    WindowSeconds = 1,
                    DailyQuota = 0,
                });
                if (error is not null)
                {
                    throw new InvalidOperationException(error);
                }

                _provider.GetRequiredService<CredentialStore>().Set(id, new IntegrationCredentials(new[] { new KeyValuePair<string, string>("apiKey", emulator.ValidKey) }));
            }

            Runner = _provider.GetRequiredService<EnrichmentRunner>();
        }

        public EnrichmentRunner Runner { get; }

        public void Dispose()
        {
            _provider.Dispose();
            SqliteConnection.ClearAllPools();
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    /// <summary>Stands in for Jellyfin: accepts every write.</summary>
    private sealed class CountingApplier : IEnrichmentApplier
    {
        public Task<bool> ApplyAsync(LibraryItem item, EnrichedItem data, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
