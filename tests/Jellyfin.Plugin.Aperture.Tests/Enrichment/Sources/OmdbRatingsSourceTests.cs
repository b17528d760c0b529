using System;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Omdb;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment.Sources;

public sealed class OmdbRatingsSourceTests : IClassFixture<SourceEmulators>
{
    private readonly SourceEmulators _emulators;

    public OmdbRatingsSourceTests(SourceEmulators emulators)
    {
        _emulators = emulators;
        emulators.Reset();
    }

    [Fact]
    public async Task TheMatrixGetsItsTomatometerMetascoreAndAwardsFromItsImdbId()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);

        var result = await host.Omdb.GetAsync(Library.From(Library.Matrix), RequestPriority.Background, default);

        Assert.Equal(new RatingsData("omdb", 83, null, 73, "Won 4 Oscars. 42 wins & 52 nominations total"), result.Value);
        var request = Assert.Single(_emulators.Omdb.Requests);
        Assert.Equal("tt0133093", request.Query("i"));
    }

    [Fact]
    public async Task NoAwardsIsNullNotTheTextNa()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        var title = global::Aperture.Emulators.Catalog.MediaCatalog.SyntheticMovie(2);
        Assert.Null(title.Awards);

        var result = await host.Omdb.GetAsync(Library.From(title), RequestPriority.Background, default);

        Assert.Null(result.Value!.Awards);
        Assert.Equal(title.RottenTomatoes, result.Value.RottenTomatoesCritic);
    }

    [Fact]
    public void SeriesAreNotCoveredBecauseOmdbHasNoCriticScoresForThem()
    {
        var source = new OmdbRatingsSource(null!, null!);

        Assert.True(source.Covers(MediaKind.Movie));
        Assert.False(source.Covers(MediaKind.Series));
    }

    [Fact]
    public async Task WithoutAnImdbIdNothingIsSentAndTheItemIsNotFound()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);

        var result = await host.Omdb.GetAsync(Library.From(Library.Matrix, imdb: false), RequestPriority.Background, default);

        Assert.Equal(UpstreamOutcome.NotFound, result.Outcome);
        Assert.Equal(0, _emulators.Omdb.RequestCount);
    }

    [Fact]
    public async Task AnUnknownImdbIdIsNotFound()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.Omdb.UnknownIdsAreNotFound = true;

        var result = await host.Omdb.GetAsync(Library.From(global::Aperture.Emulators.Catalog.MediaCatalog.SyntheticMovie(3)), RequestPriority.Background, default);

        Assert.Equal(UpstreamOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task ASpentDailyQuotaIsQuotaExhaustedUntilMidnightUtc()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.Omdb.DailyQuota = 0;

        var result = await host.Omdb.GetAsync(Library.From(Library.Matrix), RequestPriority.Background, default);

        Assert.Equal(UpstreamOutcome.QuotaExhausted, result.Outcome);
        var now = host.Time.GetUtcNow();
        Assert.Equal(new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1), result.ResetAt);
    }

    [Theory]
    [InlineData(FaultMode.BadKey, UpstreamOutcome.Authentication)]
    [InlineData(FaultMode.Outage, UpstreamOutcome.Outage)]
    public async Task FailuresComeBackClassifiedWithoutTheKey(FaultMode mode, UpstreamOutcome outcome)
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.Omdb.Mode = mode;

        var result = await host.Omdb.GetAsync(Library.From(Library.Matrix), RequestPriority.Background, default);

        Assert.Equal(outcome, result.Outcome);
        Assert.DoesNotContain(_emulators.Omdb.ValidKey, result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_emulators.Omdb.ValidKey, host.Logs.AllText, StringComparison.Ordinal);
    }
}
