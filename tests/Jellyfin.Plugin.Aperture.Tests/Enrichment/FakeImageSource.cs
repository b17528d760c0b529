using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

public sealed class FakeImageSource : FakeSource<IReadOnlyList<ArtworkImage>>, ITmdbImageSource
{
    public string? Language { get; private set; }

    public Task<SourceResult<IReadOnlyList<ArtworkImage>>> GetImagesAsync(LibraryItem item, string language, RequestPriority priority, CancellationToken cancellationToken)
    {
        Language = language;
        return AnswerAsync(cancellationToken);
    }
}
