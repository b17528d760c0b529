using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using MediaBrowser.Controller.Library;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>
/// Runs after every library scan: when the scan queued new or stale items, it starts the "Enrich library" task in
/// the background, so new items get their data minutes after they appear without anyone pressing Run now.
/// </summary>
/// <remarks>
/// Jellyfin 10.11 finds post-scan tasks the way it finds providers and scheduled tasks (public concrete classes in
/// the plugin assembly, created with constructor injection, awaited one after another at the end of the scan), so
/// this step only queues the task and returns: it never waits on a service, and the task manager never runs the
/// task twice at once.
/// </remarks>
public class EnrichAfterScanTask : ILibraryPostScanTask
{
    private static readonly string[] _services = [IntegrationIds.Tmdb, IntegrationIds.MdbList, IntegrationIds.Omdb];
    private readonly EnrichmentQueueStore _queue;
    private readonly IntegrationStatusService _status;
    private readonly IEnrichmentTaskLauncher _launcher;
    private readonly ILogger<EnrichAfterScanTask> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="EnrichAfterScanTask"/> class.
    /// </summary>
    /// <param name="queue">The items the scan queued.</param>
    /// <param name="status">Tells which services are set up.</param>
    /// <param name="launcher">Queues the "Enrich library" task.</param>
    /// <param name="logger">The logger.</param>
    public EnrichAfterScanTask(EnrichmentQueueStore queue, IntegrationStatusService status, IEnrichmentTaskLauncher launcher, ILogger<EnrichAfterScanTask> logger)
    {
        _queue = queue;
        _status = status;
        _launcher = launcher;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task Run(IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        try
        {
            var queued = _queue.Count();
            if (queued > 0 && _services.Any(_status.IsConfigured))
            {
                _launcher.QueueRun();
                _logger.LogInformation("Aperture enrichment: the scan queued {Count} new or stale items; the Enrich library task enriches them now in the background", queued);
            }
        }
#pragma warning disable CA1031 // A storage problem must not fail the scan; the daily run picks the items up.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogWarning("Aperture enrichment: could not start the enrichment after the scan ({Error}); the next scheduled run picks the items up", ex.GetType().Name);
        }

        progress.Report(100);
        return Task.CompletedTask;
    }
}
