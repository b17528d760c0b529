using System;
using System.Globalization;
using System.Linq;
using System.Net.Mime;
using Jellyfin.Plugin.Aperture.AiPicks;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Integrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Jellyfin.Plugin.Aperture.Api;

/// <summary>
/// A signed-in user's own AI picks: the list with reasons, and "not interested". Like
/// <see cref="UserTraktController"/>, it acts only for the signed-in user: the user id comes from the sign-in.
/// </summary>
[ApiController]
[Authorize]
[Route("Aperture/User/Picks")]
[Produces(MediaTypeNames.Application.Json)]
public class UserPicksController : ControllerBase
{
    private const string NoUser = "This needs a signed-in Jellyfin user (an API key acts for no user).";

    private readonly PicksStore _store;
    private readonly ReasonWriter _reasons;
    private readonly IntegrationSettingsService _settings;
    private readonly TimeProvider _time;

    /// <summary>
    /// Initializes a new instance of the <see cref="UserPicksController"/> class.
    /// </summary>
    /// <param name="store">The picks store.</param>
    /// <param name="reasons">The AI-written reasons (for their budget).</param>
    /// <param name="settings">The integration settings.</param>
    /// <param name="time">The clock.</param>
    public UserPicksController(PicksStore store, ReasonWriter reasons, IntegrationSettingsService settings, TimeProvider time)
    {
        _store = store;
        _reasons = reasons;
        _settings = settings;
        _time = time;
    }

    /// <summary>
    /// Gets the signed-in user's picks, with why each was picked and what the last refresh found.
    /// </summary>
    /// <returns>The picks.</returns>
    [HttpGet]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    public ActionResult<PicksView> Get()
    {
        if (!JellyfinUser.TryGetUserId(User, out var userId))
        {
            return Forbidden();
        }

        var state = _store.State(userId);
        var budget = _reasons.Budget(_settings.GetOptions(IntegrationIds.Ai));
        return Ok(new PicksView
        {
            Source = state?.Source,
            Message = state?.Message ?? "No picks yet: they are made by the \"Refresh AI picks\" task (daily).",
            RefreshedAt = state?.RefreshedAt,
            ReasonBudget = budget is { } b
                ? string.Format(CultureInfo.InvariantCulture, "AI-written reasons: {0:N0} of {1:N0} tokens used today.", b.Used, b.Budget)
                : null,
            Picks = _store.Picks(userId).Select(p => new PickView { ItemId = p.ItemId.ToString("N"), Name = p.Name, Reason = p.Reason }).ToList(),
        });
    }

    /// <summary>
    /// Hides a title from the signed-in user's picks ("not interested"); the next refresh leaves it out.
    /// </summary>
    /// <param name="itemId">The title.</param>
    /// <returns>The picks after hiding.</returns>
    [HttpPost("{itemId}/Hide")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    public ActionResult<PicksView> Hide([FromRoute] string itemId)
    {
        if (!JellyfinUser.TryGetUserId(User, out var userId))
        {
            return Forbidden();
        }

        if (!Guid.TryParse(itemId, out var id) || id == Guid.Empty)
        {
            return BadRequest(new ErrorView { Message = "That is not a title id." });
        }

        _store.Hide(userId, id, _time.GetUtcNow());
        return Get();
    }

    private ObjectResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden, new ErrorView { Message = NoUser });
}
