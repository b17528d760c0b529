using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Storage;
using Jellyfin.Plugin.Aperture.Tests.Core;
using Jellyfin.Plugin.Aperture.Tests.Integrations;
using Jellyfin.Plugin.Aperture.TraktSync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Jellyfin.Plugin.Aperture.Tests.TraktSync;

/// <summary>
/// One user's rating sync wired as the plugin wires its services: the real pipeline with Trakt's default limits
/// (1,000 GET per 5 minutes, 1 write per second), the real database, pointed at the Trakt emulator with a linked
/// user. One attempt per call, so a failed write fails at once instead of being retried inside one sync. The fake
/// clock moves only while a call waits on it; a test that measures pacing passes the system clock.
/// </summary>
public sealed class TraktSyncHost : IDisposable
{
    private readonly ClockPump _pump = new();
    private readonly TraktEmulator _trakt;

    public TraktSyncHost(TraktEmulator trakt, TimeProvider? clock = null)
    {
        _trakt = trakt;
        DataDirectory = Directory.CreateTempSubdirectory("aperture-trakt-").FullName;
        Time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Clock = clock ?? Time;
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(new AperturePaths(DataDirectory));
        services.AddSingleton<IPluginConfigurationStore>(new InMemoryConfigurationStore());
        services.AddSingleton(Clock);
        services.AddSingleton(new UpstreamPipelineOptions { MaxAttempts = 1 });
        _pump.Watch(services);
        ApertureServices.Add(services);
        Provider = services.BuildServiceProvider();

        Tokens = trakt.IssueTokens();
        var target = EmulatorFixture<TraktEmulator>.Target(trakt.BaseUrl, ("clientId", trakt.ValidKey), ("clientSecret", trakt.ClientSecret)) with { IsCandidate = false };
        Api = new TraktUserApi(
            Provider.GetRequiredService<IUpstreamPipeline>(),
            target,
            trakt.ValidKey,
            Guid.Parse(UserId),
            _ => Task.FromResult<string?>(Tokens.AccessToken));
        Client = new TraktRatingsClient(Api, Provider.GetRequiredService<ILogger<TraktRatingsClient>>());
        Store = new RatingsSyncStore(Provider.GetRequiredService<ApertureDatabase>());
        Sync = new RatingsSync(Store, Clock, Provider.GetRequiredService<ILogger<RatingsSync>>());
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; }

    public TimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public ServiceProvider Provider { get; }

    public TraktTokens Tokens { get; }

    public TraktUserApi Api { get; }

    public TraktRatingsClient Client { get; }

    public RatingsSyncStore Store { get; }

    public RatingsSync Sync { get; }

    /// <summary>Gets the user's library: what Jellyfin holds, on Trakt's scale, with Aperture's change times.</summary>
    public Dictionary<string, LocalRating> Library { get; } = new(StringComparer.Ordinal);

    public string UserId { get; } = Guid.NewGuid().ToString("N");

    public void Add(string name, RatingKind kind, TraktIds ids, int? value = null, DateTimeOffset? changedAt = null) =>
        Library[name] = new LocalRating(kind, ids, value, value is null ? null : changedAt ?? Clock.GetUtcNow());

    /// <summary>Rates (or unrates) an item in Jellyfin now, as Aperture would record it.</summary>
    public void RateLocally(string name, int? value, DateTimeOffset? at = null) =>
        Library[name] = Library[name] with { Value = value, ChangedAt = at ?? Clock.GetUtcNow() };

    public int? Local(string name) => Library[name].Value;

    public TraktRatingEntry? Remote(TraktIds ids, string type = "movie") =>
        _trakt.RatingsOf(Tokens.AccessToken).SingleOrDefault(e => e.Matches(type, null, ids.Tmdb, ids.Imdb, ids.Tvdb));

    /// <summary>Runs one sync and applies its local changes to <see cref="Library"/>, as the Jellyfin adapter will.</summary>
    public async Task<RatingsSyncResult> RunAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var work = Sync.RunAsync(UserId, Client, Library.Values.ToList(), guard.Token);
        var result = Clock == Time ? await _pump.RunAsync(Time, work) : await work;
        foreach (var change in result.LocalWrites.Concat(result.LocalRemovals))
        {
            var name = Library.Single(pair => pair.Value.Key == change.Key).Key;
            Library[name] = Library[name] with { Value = change.Value, ChangedAt = change.At };
        }

        return result;
    }

    public void Dispose()
    {
        Provider.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
