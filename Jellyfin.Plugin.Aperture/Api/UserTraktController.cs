using System.Net.Mime;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Jellyfin.Plugin.Aperture.TraktSync;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Jellyfin.Plugin.Aperture.Api;

/// <summary>
/// A signed-in user's own Trakt link: status, link with a device code, unlink. Open to every signed-in user
/// (Jellyfin's default policy), and it always acts for the user who is signed in: the user id comes from the
/// request's sign-in, never from the route or the body.
/// </summary>
[ApiController]
[Authorize]
[Route("Aperture/User/Trakt")]
[Produces(MediaTypeNames.Application.Json)]
public class UserTraktController : ControllerBase
{
    private const string NoUser = "This needs a signed-in Jellyfin user (an API key acts for no user).";

    private readonly TraktLinkStatusReader _status;
    private readonly TraktDeviceLink _link;
    private readonly TraktUnlink _unlink;
    private readonly TraktSyncLog _runs;
    private readonly AlertStore _alerts;

    /// <summary>
    /// Initializes a new instance of the <see cref="UserTraktController"/> class.
    /// </summary>
    /// <param name="status">Reads link states.</param>
    /// <param name="link">The device flow.</param>
    /// <param name="unlink">Unlinks.</param>
    /// <param name="runs">The users' last Trakt runs.</param>
    /// <param name="alerts">The alerts (the user sees what Trakt refuses for their own account).</param>
    public UserTraktController(TraktLinkStatusReader status, TraktDeviceLink link, TraktUnlink unlink, TraktSyncLog runs, AlertStore alerts)
    {
        _runs = runs;
        _alerts = alerts;
        _status = status;
        _link = link;
        _unlink = unlink;
    }

    /// <summary>
    /// Gets the signed-in user's Trakt link state.
    /// </summary>
    /// <returns>The state.</returns>
    [HttpGet("Status")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    public ActionResult<TraktLinkView> GetStatus()
    {
        if (!JellyfinUser.TryGetUserId(User, out var userId))
        {
            return Forbidden();
        }

        var open = _alerts.ListOpen(IntegrationIds.Trakt, userId.ToString("N"));
        var problem = open.Count > 0 ? open[0].Message : null;
        return Ok(TraktLinkView.From(_status.Get(userId), runs: _runs.Read(userId), accountProblem: problem));
    }

    /// <summary>
    /// Starts linking the signed-in user's Trakt account: returns the code to enter at trakt.tv.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The code, or why there is none.</returns>
    [HttpPost("Link")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<TraktLinkResultView>> StartLink(CancellationToken cancellationToken)
    {
        if (!JellyfinUser.TryGetUserId(User, out var userId))
        {
            return Forbidden();
        }

        var start = await _link.StartAsync(userId, cancellationToken).ConfigureAwait(false);
        return Ok(new TraktLinkResultView
        {
            Status = start.Started ? "Started" : "NotStarted",
            Message = start.Message,
            Pending = TraktPendingLinkView.From(start.Pending),
        });
    }

    /// <summary>
    /// Checks once whether the signed-in user finished at trakt.tv. Poll again at the pending link's next poll time.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What the check found.</returns>
    [HttpPost("Link/Poll")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<TraktLinkResultView>> PollLink(CancellationToken cancellationToken)
    {
        if (!JellyfinUser.TryGetUserId(User, out var userId))
        {
            return Forbidden();
        }

        var poll = await _link.PollAsync(userId, cancellationToken).ConfigureAwait(false);
        return Ok(new TraktLinkResultView { Status = poll.Status.ToString(), Message = poll.Message, Pending = TraktPendingLinkView.From(poll.Pending) });
    }

    /// <summary>
    /// Unlinks the signed-in user's Trakt account: revokes Aperture's access at Trakt and deletes the saved sign-in.
    /// </summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What happened.</returns>
    [HttpPost("Unlink")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<TraktUnlinkView>> Unlink(CancellationToken cancellationToken)
    {
        if (!JellyfinUser.TryGetUserId(User, out var userId))
        {
            return Forbidden();
        }

        var result = await _unlink.UnlinkAsync(userId, cancellationToken).ConfigureAwait(false);
        return Ok(new TraktUnlinkView { WasLinked = result.WasLinked, Revoked = result.Revoked, Message = result.Message });
    }

    private ObjectResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden, new ErrorView { Message = NoUser });
}
