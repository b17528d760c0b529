using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Library;
using MediaBrowser.Model.Tasks;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// The "Enrich library" scheduled task: fetches what scans queued (started by <see cref="EnrichAfterScanTask"/>
/// right after each scan), what an earlier run could not finish (spent quotas, outages) and items whose data has
/// gone stale. Queued items first, progress shown in Jellyfin's dashboard, a summary logged and stored at the end.
/// </summary>
public class EnrichLibraryTask : IScheduledTask
{
    // A scan that ends while a run is going queues items the run did not see; a few more passes take them at once
    // instead of a day later. Bounded, so a scan loop can never keep the task running forever.
    private const int MaxPasses = 3;
    private static readonly string[] _services = [IntegrationIds.Tmdb, IntegrationIds.MdbList, IntegrationIds.Omdb];
    private readonly LibraryItemReader _reader;
    private readonly EnrichmentRunner _runner;
    private readonly EnrichmentQueueStore _queue;
    private readonly IEnrichmentApplier _applier;
    private readonly IntegrationStatusService _status;
    private readonly ILogger<EnrichLibraryTask> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="EnrichLibraryTask"/> class.
    /// </summary>
    /// <param name="reader">Reads the library.</param>
    /// <param name="runner">The backfill runner.</param>
    /// <param name="queue">The items scans queued.</param>
    /// <param name="applier">Writes data to the items.</param>
    /// <param name="status">Tells which services are set up.</param>
    /// <param name="logger">The logger.</param>
    public EnrichLibraryTask(LibraryItemReader reader, EnrichmentRunner runner, EnrichmentQueueStore queue, IEnrichmentApplier applier, IntegrationStatusService status, ILogger<EnrichLibraryTask> logger)
    {
        _reader = reader;
        _runner = runner;
        _queue = queue;
        _applier = applier;
        _status = status;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name => "Enrich library";

    /// <inheritdoc />
    public string Key => "ApertureEnrichLibrary";

    /// <inheritdoc />
    public string Description =>
        "Adds critic scores, keyword tags, collections and extra crew from TMDb, MDBList and OMDb to movies and series that are new, stale or were left over by a scan.";

    /// <inheritdoc />
    public string Category => "Aperture";

    /// <inheritdoc />
    public async Task ExecuteAsync(IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (!_services.Any(_status.IsConfigured))
        {
            _logger.LogInformation("Aperture enrichment skipped: none of TMDb, MDBList or OMDb is configured; add a key on the Aperture settings page");
            progress.Report(100);
            return;
        }

        for (var pass = 1; pass <= MaxPasses; pass++)
        {
            var library = _reader.ReadAll();
            await _runner.RunAsync(library, _applier, progress, cancellationToken).ConfigureAwait(false);
            if (_queue.Count() == 0)
            {
                break;
            }
        }
    }

    /// <inheritdoc />
    public IEnumerable<TaskTriggerInfo> GetDefaultTriggers()
    {
        yield return new TaskTriggerInfo
        {
            Type = TaskTriggerInfoType.IntervalTrigger,
            IntervalTicks = TimeSpan.FromHours(24).Ticks,
        };
    }
}
