using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment.Sources;

public sealed class TmdbMetadataSourceTests : IClassFixture<SourceEmulators>
{
    private readonly SourceEmulators _emulators;

    public TmdbMetadataSourceTests(SourceEmulators emulators)
    {
        _emulators = emulators;
        emulators.Reset();
    }

    [Fact]
    public async Task TheMatrixComesBackInOneRequestWithKeywordsCollectionCrewAndImdbId()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);

        var result = await host.Get<ITmdbMetadataSource>().GetAsync(Library.From(Library.Matrix), RequestPriority.Background, default);

        var data = Assert.IsType<TmdbMetadata>(result.Value);
        Assert.Equal(UpstreamOutcome.Success, result.Outcome);
        Assert.Equal("603", data.TmdbId);
        Assert.Equal("tt0133093", data.ImdbId);
        Assert.Contains("simulated reality", data.Keywords);
        Assert.Equal("2344", data.CollectionId);
        Assert.Equal("The Matrix Collection", data.CollectionName);
        Assert.Contains(new CrewCredit("Bill Pope", "Director of Photography", data.Crew.Single(c => c.Name == "Bill Pope").TmdbPersonId), data.Crew);
        Assert.Contains(data.Crew, c => c.Name == "Don Davis" && c.Job == "Original Music Composer");
        Assert.Contains(data.Crew, c => c.Name == "Zach Staenberg" && c.Job == "Editor");
        Assert.DoesNotContain(data.Crew, c => c.Job is "Director" or "Screenplay");
        var request = Assert.Single(_emulators.Tmdb.Requests);
        Assert.Equal("/3/movie/603", request.Path);
        Assert.Equal("keywords,credits,external_ids", request.Query("append_to_response"));
    }

    [Fact]
    public async Task TheEmpireStrikesBackBelongsToTheStarWarsCollection()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);

        var result = await host.Get<ITmdbMetadataSource>().GetAsync(Library.From(Library.Empire), RequestPriority.Background, default);

        Assert.Equal("10", result.Value!.CollectionId);
        Assert.Equal("Star Wars Collection", result.Value.CollectionName);
        Assert.Contains(result.Value.Crew, c => c.Name == "John Williams" && c.Job == "Original Music Composer");
    }

    [Fact]
    public async Task SeriesKeywordsAreReadFromResults()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);

        var result = await host.Get<ITmdbMetadataSource>().GetAsync(Library.From(Library.BreakingBad), RequestPriority.Background, default);

        Assert.Equal(Library.BreakingBad.Keywords.OrderBy(k => k), result.Value!.Keywords.OrderBy(k => k));
        Assert.Equal("tt0903747", result.Value.ImdbId);
        Assert.Null(result.Value.CollectionId);
        Assert.Equal("/3/tv/1396", Assert.Single(_emulators.Tmdb.Requests).Path);
    }

    [Fact]
    public async Task WithoutATmdbIdTheTitleIsFoundByImdbIdFirstForTwoRequests()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);

        var result = await host.Get<ITmdbMetadataSource>().GetAsync(Library.From(Library.BreakingBad, tmdb: false), RequestPriority.Background, default);

        Assert.Equal("1396", result.Value!.TmdbId);
        Assert.Equal(new[] { "/3/find/tt0903747", "/3/tv/1396" }, _emulators.Tmdb.Requests.Select(r => r.Path));
        Assert.Equal("imdb_id", _emulators.Tmdb.Requests[0].Query("external_source"));
    }

    [Fact]
    public async Task AReadAccessTokenIsSentAsABearerHeaderAndNeverInTheUrl()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        host.SetKey(IntegrationIds.Tmdb, TmdbEmulator.ValidBearerToken);

        var result = await host.Get<ITmdbMetadataSource>().GetAsync(Library.From(Library.Matrix), RequestPriority.Background, default);

        Assert.Equal(UpstreamOutcome.Success, result.Outcome);
        var request = Assert.Single(_emulators.Tmdb.Requests);
        Assert.Null(request.Query("api_key"));
        Assert.Equal("Bearer " + TmdbEmulator.ValidBearerToken, request.Header("Authorization"));
    }

    [Fact]
    public async Task AnUnknownTitleIsNotFound()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.Tmdb.UnknownIdsAreNotFound = true;

        var byId = await host.Get<ITmdbMetadataSource>().GetAsync(Library.From(global::Aperture.Emulators.Catalog.MediaCatalog.SyntheticMovie(7)), RequestPriority.Background, default);
        var byImdb = await host.Get<ITmdbMetadataSource>().GetAsync(Library.From(global::Aperture.Emulators.Catalog.MediaCatalog.SyntheticMovie(8), tmdb: false), RequestPriority.Background, default);

        Assert.Equal(UpstreamOutcome.NotFound, byId.Outcome);
        Assert.Equal(UpstreamOutcome.NotFound, byImdb.Outcome);
        Assert.Null(byImdb.Value);
    }

    [Theory]
    [InlineData(FaultMode.BadKey, UpstreamOutcome.Authentication)]
    [InlineData(FaultMode.Outage, UpstreamOutcome.Outage)]
    [InlineData(FaultMode.RateLimited, UpstreamOutcome.RateLimited)]
    [InlineData(FaultMode.MalformedBody, UpstreamOutcome.BadResponse)]
    public async Task FailuresComeBackClassifiedAndWithoutData(FaultMode mode, UpstreamOutcome outcome)
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.Tmdb.Mode = mode;
        _emulators.Tmdb.RetryAfter = System.TimeSpan.FromMinutes(5);

        var result = await host.Get<ITmdbMetadataSource>().GetAsync(Library.From(Library.Matrix), RequestPriority.Background, default);

        Assert.Equal(outcome, result.Outcome);
        Assert.Null(result.Value);
        Assert.DoesNotContain(_emulators.Tmdb.ValidKey, result.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutASavedKeyNothingIsSent()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        host.Get<Jellyfin.Plugin.Aperture.Secrets.CredentialStore>().Clear(IntegrationIds.Tmdb);

        var result = await host.Get<ITmdbMetadataSource>().GetAsync(Library.From(Library.Matrix), RequestPriority.Background, default);

        Assert.Equal(UpstreamOutcome.Authentication, result.Outcome);
        Assert.Equal(0, _emulators.Tmdb.RequestCount);
    }
}
