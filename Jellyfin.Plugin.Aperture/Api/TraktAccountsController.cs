using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Mime;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Library;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Jellyfin.Plugin.Aperture.TraktSync;
using MediaBrowser.Common.Api;
using MediaBrowser.Controller.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Api;

/// <summary>
/// Admin API for users' Trakt links: every user's link state, and unlinking a user.
/// </summary>
[ApiController]
[Authorize(Policy = Policies.RequiresElevation)]
[Route("Aperture/Trakt/Users")]
[Produces(MediaTypeNames.Application.Json)]
public class TraktAccountsController : ControllerBase
{
    private readonly TraktLinkStatusReader _status;
    private readonly TraktUnlink _unlink;
    private readonly IUserManager _userManager;
    private readonly ILogger<TraktAccountsController> _logger;
    private readonly TraktSyncLog _runs;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktAccountsController"/> class.
    /// </summary>
    /// <param name="status">Reads link states.</param>
    /// <param name="unlink">Unlinks.</param>
    /// <param name="userManager">Jellyfin's users.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="runs">The users' last Trakt runs.</param>
    public TraktAccountsController(TraktLinkStatusReader status, TraktUnlink unlink, IUserManager userManager, ILogger<TraktAccountsController> logger, TraktSyncLog runs)
    {
        _runs = runs;
        _status = status;
        _unlink = unlink;
        _userManager = userManager;
        _logger = logger;
    }

    /// <summary>
    /// Lists every Jellyfin user with their Trakt link state, and links kept for users who no longer exist.
    /// </summary>
    /// <returns>The users.</returns>
    [HttpGet]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public ActionResult<IReadOnlyList<TraktLinkView>> GetUsers()
    {
        var stored = _status.List().ToDictionary(s => s.UserId);
        var views = new List<TraktLinkView>();
        foreach (var user in UserManagerCompat.GetUsers(_userManager, _logger))
        {
            // The admin sees that a link is in progress, not the user's code: entering it would link another account.
            var status = stored.Remove(user.Id, out var link) ? link : _status.Get(user.Id) with { Pending = null };
            views.Add(TraktLinkView.From(status, user.Username, _runs.Read(user.Id)));
        }

        views.AddRange(stored.Values.Select(s => TraktLinkView.From(s, runs: _runs.Read(s.UserId))));
        return Ok(views);
    }

    /// <summary>
    /// Unlinks a user's Trakt account (revokes Aperture's access at Trakt and deletes the saved sign-in).
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What happened.</returns>
    [HttpPost("{userId}/Unlink")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<ActionResult<TraktUnlinkView>> Unlink([FromRoute] Guid userId, CancellationToken cancellationToken)
    {
        var result = await _unlink.UnlinkAsync(userId, cancellationToken).ConfigureAwait(false);
        return Ok(new TraktUnlinkView { WasLinked = result.WasLinked, Revoked = result.Revoked, Message = result.Message });
    }
}
