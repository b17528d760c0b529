using System;
using System.Linq;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Http;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment.Sources;

public sealed class TmdbImageSourceTests : IClassFixture<SourceEmulators>
{
    private readonly SourceEmulators _emulators;

    public TmdbImageSourceTests(SourceEmulators emulators)
    {
        _emulators = emulators;
        emulators.Reset();
    }

    [Fact]
    public async Task ImagesComeInThePreferredLanguageThenWithoutTextWithFullAndThumbnailUrls()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);

        var result = await host.Get<ITmdbImageSource>().GetImagesAsync(Library.From(Library.Matrix), "en", RequestPriority.Interactive, default);

        var images = Assert.IsAssignableFrom<System.Collections.Generic.IReadOnlyList<ArtworkImage>>(result.Value);
        Assert.DoesNotContain(images, i => i.Language == "de");
        var posters = images.Where(i => i.Kind == RemoteImageKind.Poster).ToList();
        Assert.Equal(new[] { "en", null }, posters.Select(p => p.Language));
        Assert.Equal(new string?[] { "en", null, null }, images.Where(i => i.Kind == RemoteImageKind.Backdrop).Select(b => b.Language));
        Assert.Single(images, i => i.Kind == RemoteImageKind.Logo);

        // The image base comes from the (emulated) configuration, so nothing points at image.tmdb.org here.
        var imageBase = new Uri(_emulators.Tmdb.RootUrl, "t/p/").AbsoluteUri;
        Assert.All(images, i => Assert.StartsWith(imageBase + "original/", i.Url, StringComparison.Ordinal));
        Assert.StartsWith(imageBase + "w342/", posters[0].ThumbnailUrl, StringComparison.Ordinal);
        Assert.StartsWith(imageBase + "w780/", images.First(i => i.Kind == RemoteImageKind.Backdrop).ThumbnailUrl, StringComparison.Ordinal);
        Assert.True(posters[0].Width > 0 && posters[0].Height > 0);
        var details = _emulators.Tmdb.Requests.Single(r => r.Path == "/3/movie/603");
        Assert.Equal("images", details.Query("append_to_response"));
        Assert.Equal("en,null", details.Query("include_image_language"));
    }

    [Fact]
    public async Task TheImageConfigurationIsReadOnceAndKept()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        var source = host.Get<ITmdbImageSource>();

        await source.GetImagesAsync(Library.From(Library.Matrix), "en", RequestPriority.Interactive, default);
        await source.GetImagesAsync(Library.From(Library.BreakingBad), "de", RequestPriority.Interactive, default);

        Assert.Single(_emulators.Tmdb.Requests, r => r.Path == "/3/configuration");
        Assert.Single(_emulators.Tmdb.Requests, r => r.Path == "/3/tv/1396");
    }

    [Fact]
    public async Task ARefusedKeyIsAnAuthenticationFailure()
    {
        using var host = new EmulatorEnrichmentHost(_emulators);
        _emulators.Tmdb.Mode = global::Aperture.Emulators.FaultMode.BadKey;

        var result = await host.Get<ITmdbImageSource>().GetImagesAsync(Library.From(Library.Matrix), "en", RequestPriority.Interactive, default);

        Assert.Equal(UpstreamOutcome.Authentication, result.Outcome);
        Assert.Null(result.Value);
    }
}
