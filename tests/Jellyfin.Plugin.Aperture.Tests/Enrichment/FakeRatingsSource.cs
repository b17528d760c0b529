using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

public sealed class FakeRatingsSource(string service) : FakeSource<RatingsData>, IRatingsSource
{
    public string Service => service;

    public bool Covers(MediaKind kind) => true;

    public Task<SourceResult<RatingsData>> GetAsync(LibraryItem item, RequestPriority priority, CancellationToken cancellationToken) =>
        AnswerAsync(cancellationToken);
}
