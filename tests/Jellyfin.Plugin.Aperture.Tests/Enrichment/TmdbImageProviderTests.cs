using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Model.Dto;
using MediaBrowser.Model.Entities;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

public sealed class TmdbImageProviderTests : IDisposable
{
    private readonly EnrichmentHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task TmdbImagesAreMappedInTheItemsLanguage()
    {
        _host.Configure(IntegrationIds.Tmdb);
        _host.Images.Answer = SourceResults.Found<IReadOnlyList<ArtworkImage>>(new[]
        {
            new ArtworkImage(RemoteImageKind.Poster, "https://image.tmdb.org/t/p/original/p.jpg", "https://image.tmdb.org/t/p/w500/p.jpg", "de", 2000, 3000, 5.4, 12),
            new ArtworkImage(RemoteImageKind.Backdrop, "https://image.tmdb.org/t/p/original/b.jpg", "https://image.tmdb.org/t/p/w780/b.jpg", null, 3840, 2160, 5.2, 8),
            new ArtworkImage(RemoteImageKind.Logo, "https://image.tmdb.org/t/p/original/l.png", "https://image.tmdb.org/t/p/w300/l.png", "de", 800, 300, 0, 0),
        });
        var movie = ItemMetadataWriterTests.NewMovie();
        movie.PreferredMetadataLanguage = "de-DE";
        var provider = NewProvider();

        var images = (await provider.GetImages(movie, CancellationToken.None)).ToList();

        Assert.Equal("de", _host.Images.Language);
        Assert.Equal(new[] { ImageType.Primary, ImageType.Backdrop, ImageType.Logo }, images.Select(i => i.Type));
        var poster = images[0];
        Assert.Equal("Aperture (TMDb)", poster.ProviderName);
        Assert.Equal("https://image.tmdb.org/t/p/original/p.jpg", poster.Url);
        Assert.Equal("https://image.tmdb.org/t/p/w500/p.jpg", poster.ThumbnailUrl);
        Assert.Equal(("de", 2000, 3000, 5.4, 12), (poster.Language, poster.Width!.Value, poster.Height!.Value, poster.CommunityRating!.Value, poster.VoteCount!.Value));
        Assert.Equal(RatingType.Score, poster.RatingType);
        Assert.Null(images[1].Language);
        Assert.True(provider.Supports(movie));
        Assert.False(provider.Supports(new Video()));
        Assert.Equal(new[] { ImageType.Primary, ImageType.Backdrop, ImageType.Logo }, provider.GetSupportedImages(movie));
    }

    [Fact]
    public async Task AFailingOrThrowingSourceGivesNoImages()
    {
        _host.Configure(IntegrationIds.Tmdb);
        var provider = NewProvider();
        var movie = ItemMetadataWriterTests.NewMovie();

        // Outside a server Jellyfin's language fallback (library options, server configuration) is not wired up.
        movie.PreferredMetadataLanguage = "en";
        _host.Images.Answer = new SourceResult<IReadOnlyList<ArtworkImage>>(UpstreamOutcome.Outage, null, "circuit open");
        Assert.Empty(await provider.GetImages(movie, CancellationToken.None));

        _host.Images.Throw = new HttpRequestException("connection reset");
        Assert.Empty(await provider.GetImages(movie, CancellationToken.None));
    }

    [Fact]
    public async Task WithoutATmdbKeyOrWithImagesOffTheSourceIsNotAsked()
    {
        var provider = NewProvider();
        Assert.Empty(await provider.GetImages(ItemMetadataWriterTests.NewMovie(), CancellationToken.None));

        _host.Configure(IntegrationIds.Tmdb);
        _host.Host.Configuration.Current.Enrichment = new EnrichmentSettings { Images = false };
        Assert.Empty(await provider.GetImages(ItemMetadataWriterTests.NewMovie(), CancellationToken.None));

        Assert.Equal(0, _host.Images.Calls);
    }

    private TmdbImageProvider NewProvider() => new(
        _host.Images,
        _host.Host.Get<IntegrationStatusService>(),
        _host.Host.Configuration,
        _host.Host.Get<IHttpClientFactory>(),
        _host.Host.Time,
        _host.Host.Get<ILogger<TmdbImageProvider>>());
}
