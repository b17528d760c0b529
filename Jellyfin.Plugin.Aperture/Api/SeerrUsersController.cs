using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Mime;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;
using Jellyfin.Plugin.Aperture.Library;
using MediaBrowser.Common.Api;
using MediaBrowser.Controller.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Api;

/// <summary>For admins: which Seerr user each Jellyfin user requests as, the admin's override, and Discover across users.</summary>
[ApiController]
[Authorize(Policy = Policies.RequiresElevation)]
[Route("Aperture/Seerr/Users")]
[Produces(MediaTypeNames.Application.Json)]
public class SeerrUsersController : ControllerBase
{
    private readonly SeerrAccounts _accounts;
    private readonly SeerrUserChoices _choices;
    private readonly MissingTitleStore _missing;
    private readonly SeerrRequestLog _requests;
    private readonly IUserManager _userManager;
    private readonly ILogger<SeerrUsersController> _logger;

    /// <summary>Initializes a new instance of the <see cref="SeerrUsersController"/> class.</summary>
    /// <param name="accounts">Finds Seerr accounts.</param>
    /// <param name="choices">The admin's choices.</param>
    /// <param name="missing">The missing titles.</param>
    /// <param name="requests">The requests made through Discover.</param>
    /// <param name="userManager">Jellyfin's users.</param>
    /// <param name="logger">The logger.</param>
    public SeerrUsersController(SeerrAccounts accounts, SeerrUserChoices choices, MissingTitleStore missing, SeerrRequestLog requests, IUserManager userManager, ILogger<SeerrUsersController> logger)
    {
        _missing = missing;
        _requests = requests;
        _accounts = accounts;
        _choices = choices;
        _userManager = userManager;
        _logger = logger;
    }

    /// <summary>Lists every Jellyfin user's Seerr user and how it was found.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The table, or 502 with Seerr's problem.</returns>
    [HttpGet]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status502BadGateway)]
    public async Task<ActionResult<SeerrUserListView>> Get(CancellationToken cancellationToken)
    {
        var users = UserManagerCompat.GetUsers(_userManager, _logger).Select(u => (u.Id, u.Username)).ToList();
        var (rows, seerrUsers, message) = await _accounts.ListAsync(users, cancellationToken).ConfigureAwait(false);
        if (rows is null || seerrUsers is null)
        {
            return StatusCode(StatusCodes.Status502BadGateway, new ErrorView { Message = message });
        }

        return Ok(new SeerrUserListView
        {
            Users = rows.Select(r => new SeerrUserMappingView
            {
                UserId = r.UserId.ToString("N"),
                UserName = r.Name,
                SeerrUserId = r.Match.User?.Id,
                SeerrUserName = r.Match.User?.Name,
                Method = r.Match.Method.ToString(),
            }).ToList(),
            SeerrUsers = seerrUsers.ToDictionary(u => u.Id.ToString(CultureInfo.InvariantCulture), u => u.Name),
        });
    }

    /// <summary>
    /// Lists Discover across users: the server-wide missing titles once, then each user's own, with the status of the
    /// user's request where they made one. Read from Aperture's own store only (no Seerr call per title).
    /// </summary>
    /// <returns>The rows.</returns>
    [HttpGet("/Aperture/Seerr/Discover")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public ActionResult<IReadOnlyList<DiscoverAdminRowView>> GetDiscover()
    {
        var rows = _missing.List(null).Select(e => Row(e, null, null)).ToList();
        foreach (var user in UserManagerCompat.GetUsers(_userManager, _logger))
        {
            var requested = _requests.List(user.Id).ToDictionary(r => (r.Kind, r.Tmdb));
            rows.AddRange(_missing.List(user.Id)
                .Where(e => e.UserId == user.Id)
                .Select(e => Row(e, user.Username, e.Title.Tmdb is { } tmdb && requested.TryGetValue((e.Title.Kind, tmdb), out var r) ? r : null)));
        }

        return Ok(rows);
    }

    /// <summary>Chooses a Jellyfin user's Seerr user (0 = none; null = automatic again).</summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <param name="input">The choice.</param>
    /// <returns>204, or 404 for an unknown Jellyfin user, 400 for a negative id.</returns>
    [HttpPut("{userId}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public ActionResult Choose([FromRoute] Guid userId, [FromBody] SeerrUserChoiceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.SeerrUserId < 0)
        {
            return BadRequest(new ErrorView { Message = "SeerrUserId must be a Seerr user id, 0 for none, or null for automatic matching." });
        }

        if (!UserManagerCompat.GetUsers(_userManager, _logger).Any(u => u.Id == userId))
        {
            return NotFound(new ErrorView { Message = "No Jellyfin user has this id." });
        }

        _choices.Set(userId, input.SeerrUserId);
        return NoContent();
    }

    private static DiscoverAdminRowView Row(MissingTitleEntry entry, string? userName, SeerrRequestRecord? request) => new()
    {
        UserName = userName,
        Kind = entry.Title.Kind,
        Title = entry.Title.Title,
        Year = entry.Title.Year,
        TmdbId = entry.Title.Tmdb,
        Reason = DiscoverList.Reason(entry),
        Requested = request is null ? null
            : request.DoneAt is not null ? "In the library"
            : Enum.TryParse<SeerrAvailability>(request.Status, out var status) ? SeerrMediaStatus.Words(status) : "Requested",
    };
}
