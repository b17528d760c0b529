using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

/// <summary>A source whose answer a test chooses; it can also hang until cancelled, or throw.</summary>
/// <typeparam name="T">The data type.</typeparam>
public class FakeSource<T>
    where T : class
{
    public int Calls { get; private set; }

    public bool Hang { get; set; }

    public Exception? Throw { get; set; }

    public SourceResult<T> Answer { get; set; } = new(UpstreamOutcome.NotFound, null, "not found");

    protected async Task<SourceResult<T>> AnswerAsync(CancellationToken cancellationToken)
    {
        Calls++;
        if (Throw is not null)
        {
            throw Throw;
        }

        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return Answer;
    }
}
