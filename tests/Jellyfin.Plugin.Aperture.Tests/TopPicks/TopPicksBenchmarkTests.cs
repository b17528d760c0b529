using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.TopPicks;
using Xunit;
using Xunit.Abstractions;

namespace Jellyfin.Plugin.Aperture.Tests.TopPicks;

/// <summary>
/// MDBList requests per list sync, counted at the emulator, for lists of several sizes; the ratio is requests spent
/// over the fewest pages that can hold the list at MDBList's largest page (1,000). Printed for docs/benchmarks.md.
/// </summary>
public sealed class TopPicksBenchmarkTests
{
    private readonly ITestOutputHelper _output;

    public TopPicksBenchmarkTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Benchmark_TopPicksRequestsPerListSync()
    {
        await using var mdbList = await MdbListEmulator.StartAsync();
        using var host = new TopPicksHost(mdbList);
        host.AddMovie("Owned", "tt0000001", 1);
        _output.WriteLine("| list size | requests per list sync | fewest pages of 1,000 | ratio | run total (with GET /user) |");
        _output.WriteLine("|---|---|---|---|---|");
        foreach (var size in new[] { 10, 100, 1000, 1001, 2500, 10_000 })
        {
            var id = 100 + size;
            mdbList.SetList(id, "Size " + size.ToString(CultureInfo.InvariantCulture), "demo", "movie", Enumerable.Range(1, size)
                .Select(i => new MdbListListEntry("movie", "Title " + i.ToString(CultureInfo.InvariantCulture), 2000, "tt" + (i + 1).ToString("D7", CultureInfo.InvariantCulture), 10_000_000 + i, null)));
            host.Choose(new TopPicksListChoice(id.ToString(CultureInfo.InvariantCulture), "movie", "Size " + size.ToString(CultureInfo.InvariantCulture), null, null, 100));
            var before = mdbList.RequestCount;

            var report = await host.RunAsync();

            var list = Assert.Single(report.Lists);
            Assert.True(list.Synced, list.Summary);
            var pages = (int)Math.Ceiling(size / 1000.0);
            var ratio = (double)list.Requests / pages;
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size:N0} | {list.Requests} | {pages} | {ratio:0.00} | {mdbList.RequestCount - before} |"));
            Assert.Equal(1.0, ratio);
            Assert.Equal(list.Requests + 1, mdbList.RequestCount - before);
        }
    }
}
