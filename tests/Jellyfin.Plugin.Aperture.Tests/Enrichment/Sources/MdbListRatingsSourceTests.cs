using System;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Integrations.MdbList;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment.Sources;

public sealed class MdbListRatingsSourceTests : IClassFixture<SourceEmulators>
{
    private readonly SourceEmulators _emulators;

    public MdbListRatingsSourceTests(SourceEmulators emulators)
    {
        _emulators = emulators;
        emulators.Reset();
    }

    [Fact]
    public async Task TheMatrixIsLookedUpByTmdbIdAndGetsCriticAudienceAndMetacritic()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);

        var result = await host.Get<MdbListRatingsSource>().GetAsync(Library.From(Library.Matrix), RequestPriority.Background, default);

        Assert.Equal(new RatingsData("mdblist", 83, 85, 73, null), result.Value);
        Assert.Equal("/tmdb/movie/603", Assert.Single(_emulators.MdbList.Requests).Path);
    }

    [Fact]
    public async Task SeriesAreCoveredAndLookedUpAsShows()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        var source = host.Get<MdbListRatingsSource>();

        var result = await source.GetAsync(Library.From(Library.BreakingBad), RequestPriority.Background, default);

        Assert.True(source.Covers(MediaKind.Series));
        Assert.Equal(new RatingsData("mdblist", 96, 97, 87, null), result.Value);
        Assert.Equal("/tmdb/show/1396", Assert.Single(_emulators.MdbList.Requests).Path);
    }

    [Fact]
    public async Task WithoutATmdbIdTheImdbIdThenTheTvdbIdIsUsed()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        var source = host.Get<MdbListRatingsSource>();

        var byImdb = await source.GetAsync(Library.From(Library.Empire, tmdb: false), RequestPriority.Background, default);
        var byTvdb = await source.GetAsync(Library.From(Library.BreakingBad, tmdb: false, imdb: false), RequestPriority.Background, default);

        Assert.Equal(95, byImdb.Value!.RottenTomatoesCritic);
        Assert.Equal(96, byTvdb.Value!.RottenTomatoesCritic);
        Assert.Equal(new[] { "/imdb/movie/tt0080684", "/tvdb/show/81189" }, _emulators.MdbList.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task AnUnknownTitleIsNotFound()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.MdbList.UnknownIdsAreNotFound = true;

        var result = await host.Get<MdbListRatingsSource>().GetAsync(Library.From(global::Aperture.Emulators.Catalog.MediaCatalog.SyntheticMovie(5)), RequestPriority.Background, default);

        Assert.Equal(UpstreamOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task AFreeAccountGetsNoBatchesAndItsAllowanceGoesToTheQuotaLedger()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.MdbList.DailyQuota = 500;

        var size = await host.Get<IBatchRatingsSource>().GetBatchSizeAsync(default);
        var again = await host.Get<IBatchRatingsSource>().GetBatchSizeAsync(default);

        Assert.Equal(0, size);
        Assert.Equal(0, again);
        Assert.Single(_emulators.MdbList.Requests, r => r.Path == "/user");
        var budget = host.Get<IUpstreamBudgetMonitor>().GetSnapshot(IntegrationIds.MdbList);
        Assert.Equal(500, budget.DailyQuota);
        Assert.Equal(1, budget.UsedToday);
    }

    [Fact]
    public async Task ASupporterLooksUpABatchInOneRequestAndEachItemGetsItsOwnAnswer()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.MdbList.IsSupporter = true;
        _emulators.MdbList.UnknownIdsAreNotFound = true;
        var source = host.Get<IBatchRatingsSource>();
        var matrix = Library.From(Library.Matrix);
        var empire = Library.From(Library.Empire);
        var unknown = Library.From(global::Aperture.Emulators.Catalog.MediaCatalog.SyntheticMovie(9));
        var noTmdbId = Library.From(Library.Matrix, tmdb: false);

        var size = await source.GetBatchSizeAsync(default);
        var results = await source.GetManyAsync(new[] { matrix, empire, unknown, noTmdbId }, RequestPriority.Background, default);

        Assert.Equal(100, size);
        Assert.Equal(83, results[matrix.Id].Value!.RottenTomatoesCritic);
        Assert.Equal(95, results[empire.Id].Value!.RottenTomatoesCritic);
        Assert.Equal(UpstreamOutcome.NotFound, results[unknown.Id].Outcome);
        Assert.False(results.ContainsKey(noTmdbId.Id));
        var post = Assert.Single(_emulators.MdbList.Requests, r => r.Method == "POST");
        Assert.Equal("/tmdb/movie", post.Path);
    }

    [Fact]
    public async Task AFailedBatchGivesEveryItemTheFailureNotASuccess()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.MdbList.IsSupporter = true;
        _emulators.MdbList.Mode = FaultMode.Outage;
        var items = new[] { Library.From(Library.Matrix), Library.From(Library.Empire) };

        var results = await host.Get<IBatchRatingsSource>().GetManyAsync(items, RequestPriority.Background, default);

        Assert.All(items, i => Assert.Equal(UpstreamOutcome.Outage, results[i.Id].Outcome));
    }

    [Theory]
    [InlineData(MdbListQuotaShape.Http429)]
    [InlineData(MdbListQuotaShape.Http200Body)]
    public async Task ASpentDailyQuotaIsQuotaExhaustedWithItsReset(MdbListQuotaShape shape)
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.MdbList.DailyQuota = 0;
        _emulators.MdbList.QuotaShape = shape;

        var result = await host.Get<MdbListRatingsSource>().GetAsync(Library.From(Library.Matrix), RequestPriority.Background, default);

        Assert.Equal(UpstreamOutcome.QuotaExhausted, result.Outcome);
        Assert.NotNull(result.ResetAt);
        Assert.True(result.ResetAt > host.Time.GetUtcNow());
        Assert.Null(result.Value);
    }

    [Theory]
    [InlineData(FaultMode.BadKey, UpstreamOutcome.Authentication)]
    [InlineData(FaultMode.Outage, UpstreamOutcome.Outage)]
    public async Task FailuresComeBackClassifiedWithoutTheKey(FaultMode mode, UpstreamOutcome outcome)
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.MdbList.Mode = mode;

        var result = await host.Get<MdbListRatingsSource>().GetAsync(Library.From(Library.Matrix), RequestPriority.Background, default);

        Assert.Equal(outcome, result.Outcome);
        Assert.DoesNotContain(_emulators.MdbList.ValidKey, result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_emulators.MdbList.ValidKey, host.Logs.AllText, StringComparison.Ordinal);
    }
}
