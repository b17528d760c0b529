using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.AiPicks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations.Ai;
using Jellyfin.Plugin.Aperture.Storage;
using Xunit;
using Xunit.Abstractions;

namespace Jellyfin.Plugin.Aperture.Tests.AiPicks;

/// <summary>
/// AI picks benchmarks (docs/benchmarks.md "AI picks"): embedding throughput against the AI provider's configured
/// limit, bytes stored per title, picks for one user over 10,000 and 100,000 titles, memory. Figures are printed;
/// only limits and sizes are asserted, never times.
/// </summary>
public sealed class AiPicksBenchmarks : IAsyncLifetime
{
    private static readonly DateTimeOffset _now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly PicksHost _host = new();
    private readonly ITestOutputHelper _output;

    public AiPicksBenchmarks(ITestOutputHelper output)
    {
        _output = output;
    }

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Benchmark_EmbeddingThroughputAgainstTheProvidersLimit()
    {
        // 130 batches of 64: more than two minutes of the default limit (60 requests per 60 s).
        _host.SetOptions((AiOptions.EmbeddingModel, "text-embedding-3-small"));
        for (var i = 0; i < 130 * EmbeddingClient.BatchSize; i++)
        {
            _host.Library.Titles.Add(new PickTitle(Guid.NewGuid(), MediaKind.Movie, "Title " + i, 2000, ["Drama"], "Overview number " + i + " of a film about things.", ["keyword" + (i % 50)], [], null));
        }

        await _host.RunAsync();

        var sent = _host.Sent.ToList();
        Assert.Equal(130, sent.Count);
        Assert.Equal(130 * EmbeddingClient.BatchSize, _host.Ai.EmbeddedInputs.Count);

        // The most requests inside any 60 s window, against the limit of 60.
        var busiest = sent.Max(start => sent.Count(t => t >= start && t < start + TimeSpan.FromSeconds(60)));
        var span = sent[^1] - sent[0];
        // Calls in each whole 60 s window from the first call: what the run achieved against the limit.
        var full = (int)Math.Floor(span.TotalSeconds / 60);
        var perWindow = Enumerable.Range(0, full).Select(w => sent.Count(t => t >= sent[0] + TimeSpan.FromSeconds(60 * w) && t < sent[0] + TimeSpan.FromSeconds(60 * (w + 1)))).ToList();
        var achieved = perWindow.Average() / 60.0;
        _output.WriteLine($"embeddings: {sent.Count} calls of {EmbeddingClient.BatchSize} titles over {span.TotalSeconds:0} s of pipeline time; calls in each whole 60 s window: {string.Join(", ", perWindow)} (limit 60); achieved / limit = {achieved:0.000}; busiest 60 s window / limit = {busiest / 60.0:0.000}; {perWindow.Average() * EmbeddingClient.BatchSize:0} titles per minute");
        Assert.True(busiest <= 60, $"{busiest} calls in one 60 s window");
    }

    [Fact]
    public void Benchmark_StorageAndPicksFor100000Titles()
    {
        var random = new Random(11);
        const int Dimensions = 256;
        var store = _host.Host.Get<EmbeddingStore>();
        var paths = _host.Host.Get<AperturePaths>();
        store.Hashes("m");
        var before = new FileInfo(paths.DatabasePath).Length + WalLength(paths.DatabasePath);

        var titles = new List<PickTitle>(100_000);
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(true);
        var vectors = new Dictionary<Guid, QuantizedVector>(100_000);
        for (var i = 0; i < 100_000; i++)
        {
            var id = Guid.NewGuid();
            var values = new float[Dimensions];
            for (var d = 0; d < Dimensions; d++)
            {
                values[d] = (float)((random.NextDouble() * 2) - 1);
            }

            titles.Add(new PickTitle(id, i % 4 == 0 ? MediaKind.Series : MediaKind.Movie, "Title " + i, 2000, [], null, [], [], i % 50 == 0 ? "c" + (i / 500) : null));
            vectors[id] = QuantizedVector.From(values);
        }

        var memoryVectors = GC.GetTotalMemory(true) - memoryBefore;
        foreach (var chunk in titles.Chunk(5_000))
        {
            store.Save("m", chunk.Select(t => (t.Id, "0123456789ABCDEF0123456789ABCDEF", vectors[t.Id])).ToList());
        }

        using (var connection = _host.Host.Get<ApertureDatabase>().Open())
        using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        var stored = new FileInfo(paths.DatabasePath).Length + WalLength(paths.DatabasePath) - before;
        var load = Stopwatch.StartNew();
        var loaded = store.Load("m");
        load.Stop();
        Assert.Equal(100_000, loaded.Count);

        var signals = titles.Take(20).Select(t => new UserSignal(t.Id, true, null, false, null, 8, _now.AddDays(-30))).ToList();
        var excluded = signals.Select(s => s.ItemId).ToHashSet();
        var options = new PickOptions("P", 20, 70);
        var times = new Dictionary<int, double>();
        foreach (var size in new[] { 10_000, 100_000 })
        {
            var subset = titles.Take(size).ToList();
            var profile = TasteProfile.Build(signals, vectors, _now, out _)!;
            PickSelector.Select(profile, subset, vectors, excluded, options);
            var watch = Stopwatch.StartNew();
            const int Runs = 5;
            for (var r = 0; r < Runs; r++)
            {
                profile = TasteProfile.Build(signals, vectors, _now, out _)!;
                Assert.Equal(20, PickSelector.Select(profile, subset, vectors, excluded, options).Count);
            }

            times[size] = watch.Elapsed.TotalMilliseconds / Runs;
        }

        var perTitle = stored / 100_000.0;
        _output.WriteLine($"storage: {Dimensions}-dimension 8-bit vectors, {stored / 1_048_576.0:0.0} MB for 100,000 titles = {perTitle:0} bytes per title in the database ({Dimensions} of them the vector)");
        _output.WriteLine($"memory: {memoryVectors / 1_048_576.0:0.0} MB for 100,000 vectors in memory = {memoryVectors / 100_000.0:0} bytes per title; loading them from the database took {load.Elapsed.TotalMilliseconds:0} ms");
        _output.WriteLine($"picks for one user (profile + 20 picks): {times[10_000]:0.0} ms over 10,000 titles, {times[100_000]:0.0} ms over 100,000 titles; growth 10k -> 100k = {times[100_000] / times[10_000]:0.0}x for 10x the titles");

        // 100,000 titles take tens of MB, not GB.
        Assert.True(perTitle < 1_000, $"{perTitle} bytes per title");
    }

    private static long WalLength(string databasePath) => File.Exists(databasePath + "-wal") ? new FileInfo(databasePath + "-wal").Length : 0;
}
