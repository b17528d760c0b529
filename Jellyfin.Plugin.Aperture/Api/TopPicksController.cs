using System.Collections.Generic;
using System.Linq;
using System.Net.Mime;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.TopPicks;
using MediaBrowser.Common.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Jellyfin.Plugin.Aperture.Api;

/// <summary>
/// Admin API for MDBList Top Picks: the chosen lists and their last runs, finding lists (own, top, search, pasted),
/// a preview before saving, saving, and Run now.
/// </summary>
[ApiController]
[Authorize(Policy = Policies.RequiresElevation)]
[Route("Aperture/TopPicks")]
[Produces(MediaTypeNames.Application.Json)]
public class TopPicksController : ControllerBase
{
    private readonly TopPicksStore _store;
    private readonly MdbListListsClient _client;
    private readonly TopPicksSync _sync;
    private readonly ITopPicksLauncher _launcher;
    private readonly MissingTitleStore _missing;
    private readonly System.TimeProvider _time;

    /// <summary>
    /// Initializes a new instance of the <see cref="TopPicksController"/> class.
    /// </summary>
    /// <param name="store">Top Picks' tables.</param>
    /// <param name="client">MDBList's list endpoints.</param>
    /// <param name="sync">The sync, for previews.</param>
    /// <param name="launcher">Starts the task.</param>
    /// <param name="missing">The missing titles Discovery reads (a list no longer chosen leaves them).</param>
    /// <param name="time">The clock.</param>
    public TopPicksController(TopPicksStore store, MdbListListsClient client, TopPicksSync sync, ITopPicksLauncher launcher, MissingTitleStore missing, System.TimeProvider time)
    {
        _missing = missing;
        _time = time;
        _store = store;
        _client = client;
        _sync = sync;
        _launcher = launcher;
    }

    /// <summary>Gets the chosen lists with their last runs, and the name pattern.</summary>
    /// <returns>The settings and state.</returns>
    [HttpGet]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public ActionResult<TopPicksView> Get() => Ok(View());

    /// <summary>Saves the chosen lists and the name pattern; a bad value saves nothing.</summary>
    /// <param name="request">Every chosen list and the pattern.</param>
    /// <returns>The saved settings, or 400 with the reason.</returns>
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public ActionResult<TopPicksView> Save([FromBody] TopPicksSettingsRequest request)
    {
        if (request?.Lists is null)
        {
            return BadRequest(new ErrorView { Message = "Send the lists to keep (an empty list stops Top Picks)." });
        }

        var choices = request.Lists.Select(ToChoice).ToList();
        var pattern = request.NamePattern?.Trim() ?? _store.GetNamePattern();
        if (TopPicksSettingsCheck.Problem(choices, pattern) is { } problem)
        {
            return BadRequest(new ErrorView { Message = problem });
        }

        var dropped = _store.ListChoices().Select(c => c.ListId).Except(choices.Select(c => c.ListId)).ToList();
        _store.SaveChoices(choices, pattern);
        foreach (var listId in dropped)
        {
            _missing.Replace(MissingTitleSources.MdbList, listId, null, [], _time.GetUtcNow());
        }

        return Ok(View());
    }

    /// <summary>Lists MDBList lists to choose from.</summary>
    /// <param name="source">"own" (the account's lists), "top" (MDBList's top lists) or "search".</param>
    /// <param name="kind">"movie" or "show".</param>
    /// <param name="query">The search text (search only, at least 2 characters).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The lists, or 400 / 502 with the reason.</returns>
    [HttpGet("Lists")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status502BadGateway)]
    public async Task<ActionResult<IReadOnlyList<MdbListList>>> FindLists([FromQuery] string? source, [FromQuery] string? kind, [FromQuery] string? query, CancellationToken cancellationToken)
    {
        if (source is not ("own" or "top" or "search") || kind is not ("movie" or "show"))
        {
            return BadRequest(new ErrorView { Message = "Ask with source=own|top|search and kind=movie|show." });
        }

        if (source == "search" && (query?.Trim().Length ?? 0) < 2)
        {
            return BadRequest(new ErrorView { Message = "Type at least two characters to search MDBList's lists." });
        }

        if (NotConfigured() is { } notConfigured)
        {
            return notConfigured;
        }

        var (lists, error) = await _client.FindListsAsync(source, kind, query, cancellationToken).ConfigureAwait(false);
        return lists is not null ? Ok(lists) : StatusCode(StatusCodes.Status502BadGateway, new ErrorView { Message = error ?? "MDBList did not answer." });
    }

    /// <summary>Finds one list from a pasted id, <c>user/slug</c> or mdblist.com URL.</summary>
    /// <param name="reference">What the admin pasted.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The list, or 400 / 502 with the reason.</returns>
    [HttpGet("List")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status502BadGateway)]
    public async Task<ActionResult<MdbListList>> FindList([FromQuery] string? reference, CancellationToken cancellationToken)
    {
        if (MdbListListReference.ToPath(reference) is null)
        {
            return BadRequest(new ErrorView { Message = "That is not an MDBList list: paste its id, user/slug, or its mdblist.com/lists/… address." });
        }

        if (NotConfigured() is { } notConfigured)
        {
            return notConfigured;
        }

        var (list, error) = await _client.GetListAsync(reference!, cancellationToken).ConfigureAwait(false);
        return list is not null ? Ok(list) : StatusCode(StatusCodes.Status502BadGateway, new ErrorView { Message = error ?? "MDBList did not answer." });
    }

    /// <summary>Reads a list and matches it against the library, changing nothing.</summary>
    /// <param name="request">The list and its options.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>Size, in library, missing; or 400 / 502 with the reason.</returns>
    [HttpPost("Preview")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status502BadGateway)]
    public async Task<ActionResult<TopPicksPreview>> Preview([FromBody] TopPicksListRequest request, CancellationToken cancellationToken)
    {
        var choice = ToChoice(request ?? new TopPicksListRequest());
        if (TopPicksSettingsCheck.Problem([choice], TopPicksStore.DefaultNamePattern) is { } problem)
        {
            return BadRequest(new ErrorView { Message = problem });
        }

        if (NotConfigured() is { } notConfigured)
        {
            return notConfigured;
        }

        var (preview, error) = await _sync.PreviewAsync(choice, cancellationToken).ConfigureAwait(false);
        return preview is not null ? Ok(preview) : StatusCode(StatusCodes.Status502BadGateway, new ErrorView { Message = error ?? "MDBList did not answer." });
    }

    /// <summary>Starts "Sync Top Picks" now (unless it is running).</summary>
    /// <returns>Accepted.</returns>
    [HttpPost("Run")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    public IActionResult Run()
    {
        _launcher.QueueRun();
        return Accepted();
    }

    // Nothing to ask MDBList without a key: the admin's mistake (400), not MDBList failing (502).
    private BadRequestObjectResult? NotConfigured() => _client.IsConfigured
        ? null
        : BadRequest(new ErrorView { Message = "MDBList is not set up: save its API key on the Aperture settings page first." });

    private static TopPicksListChoice ToChoice(TopPicksListRequest request) => new(
        request.ListId?.Trim() ?? string.Empty,
        request.Kind?.Trim() ?? string.Empty,
        request.Name?.Trim() ?? string.Empty,
        string.IsNullOrWhiteSpace(request.Sort) ? null : request.Sort.Trim(),
        string.IsNullOrWhiteSpace(request.Genre) ? null : request.Genre.Trim(),
        request.MaxItems ?? TopPicksListChoice.DefaultMaxItems);

    private TopPicksView View() => new()
    {
        NamePattern = _store.GetNamePattern(),
        Sorts = TopPicksSorts.Keys,
        Lists = _store.ListChoices().Select(c =>
        {
            var state = _store.GetState(c.ListId);
            return new TopPicksListView
            {
                ListId = c.ListId,
                Kind = c.Kind,
                Name = c.Name,
                Sort = c.Sort,
                Genre = c.Genre,
                MaxItems = c.MaxItems,
                CollectionId = state.CollectionId,
                LastRunAt = state.LastRunAt,
                LastRunOk = state.LastRunOk,
                LastSummary = state.LastSummary,
                LastGoodAt = state.LastGoodAt,
                Requests = state.Requests,
            };
        }).ToList(),
    };
}
