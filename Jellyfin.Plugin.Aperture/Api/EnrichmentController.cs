using System.Linq;
using System.Net.Mime;
using System.Text.Json;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Library;
using MediaBrowser.Common.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Jellyfin.Plugin.Aperture.Api;

/// <summary>
/// Admin API for the metadata enrichment: settings, recent runs, items with problems, and a run on demand.
/// </summary>
[ApiController]
[Authorize(Policy = Policies.RequiresElevation)]
[Route("Aperture/Enrichment")]
[Produces(MediaTypeNames.Application.Json)]
public class EnrichmentController : ControllerBase
{
    private const int RunCount = 10;
    private const int ProblemCount = 50;
    private readonly EnrichmentSettingsService _settings;
    private readonly EnrichmentStore _store;
    private readonly IEnrichmentTaskLauncher _queue;
    private readonly LibraryItemReader _library;

    /// <summary>
    /// Initializes a new instance of the <see cref="EnrichmentController"/> class.
    /// </summary>
    /// <param name="settings">The enrichment settings.</param>
    /// <param name="store">The enrichment store.</param>
    /// <param name="queue">Starts the enrichment task.</param>
    /// <param name="library">Names the items in the problem list.</param>
    public EnrichmentController(EnrichmentSettingsService settings, EnrichmentStore store, IEnrichmentTaskLauncher queue, LibraryItemReader library)
    {
        _settings = settings;
        _store = store;
        _queue = queue;
        _library = library;
    }

    /// <summary>
    /// Gets the enrichment settings, the last 10 runs and the 50 most recent per-item problems.
    /// </summary>
    /// <returns>The overview.</returns>
    [HttpGet]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public ActionResult<EnrichmentView> Get() => Ok(new EnrichmentView
    {
        Settings = _settings.Current,
        Runs = _store.ListRuns(RunCount).Select(r => new EnrichmentRunView
        {
            Id = r.Id,
            StartedAt = r.StartedAt,
            FinishedAt = r.FinishedAt,
            Status = r.Status,
            Summary = ParseSummary(r.Summary),
        }).ToList(),
        Problems = _store.ListProblems(ProblemCount).Select(p => new EnrichmentProblemView
        {
            ItemId = p.ItemId,
            ItemName = _library.FindName(p.ItemId),
            Service = p.Service,
            Status = p.Status.ToString(),
            Message = p.Message,
            NextDueAt = p.NextDueAt,
        }).ToList(),
    });

    /// <summary>
    /// Changes the enrichment settings. Only the fields sent change; an invalid or out-of-bounds value is refused
    /// and nothing is changed; other settings are kept.
    /// </summary>
    /// <param name="change">The fields to change.</param>
    /// <returns>The saved settings.</returns>
    [HttpPut("Settings")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public ActionResult<EnrichmentSettings> SaveSettings([FromBody] EnrichmentSettingsChange change)
    {
        var problem = _settings.Update(change);
        return problem is null ? Ok(_settings.Current) : BadRequest(new ErrorView { Message = problem });
    }

    /// <summary>
    /// Queues the "Enrich library" task unless it is already running.
    /// </summary>
    /// <returns>202 Accepted.</returns>
    [HttpPost("Run")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public IActionResult Run()
    {
        _queue.QueueRun();
        return Accepted();
    }

    private static JsonElement? ParseSummary(string? summary)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(summary);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
