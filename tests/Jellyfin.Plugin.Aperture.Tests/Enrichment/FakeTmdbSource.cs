using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

public sealed class FakeTmdbSource : FakeSource<TmdbMetadata>, ITmdbMetadataSource
{
    public Task<SourceResult<TmdbMetadata>> GetAsync(LibraryItem item, RequestPriority priority, CancellationToken cancellationToken) =>
        AnswerAsync(cancellationToken);
}
