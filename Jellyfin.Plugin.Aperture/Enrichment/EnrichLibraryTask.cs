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
/// The "Enrich library" scheduled task: the backfill for everything a scan could not finish (timeouts, spent
/// quotas, open circuits) and for items whose data has gone stale. Newest items first, progress shown in
/// Jellyfin's dashboard, a summary logged and stored at the end.
/// </summary>
public class EnrichLibraryTask : IScheduledTask
{
    private static readonly string[] _services = [IntegrationIds.Tmdb, IntegrationIds.MdbList, IntegrationIds.Omdb];
    private readonly LibraryItemReader _reader;
    private readonly EnrichmentRunner _runner;
    private readonly IEnrichmentApplier _applier;
    private readonly IntegrationStatusService _status;
    private readonly ILogger<EnrichLibraryTask> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="EnrichLibraryTask"/> class.
    /// </summary>
    /// <param name="reader">Reads the library.</param>
    /// <param name="runner">The backfill runner.</param>
    /// <param name="applier">Writes data to the items.</param>
    /// <param name="status">Tells which services are set up.</param>
    /// <param name="logger">The logger.</param>
    public EnrichLibraryTask(LibraryItemReader reader, EnrichmentRunner runner, IEnrichmentApplier applier, IntegrationStatusService status, ILogger<EnrichLibraryTask> logger)
    {
        _reader = reader;
        _runner = runner;
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

        var library = _reader.ReadAll();
        await _runner.RunAsync(library, _applier, progress, cancellationToken).ConfigureAwait(false);
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
