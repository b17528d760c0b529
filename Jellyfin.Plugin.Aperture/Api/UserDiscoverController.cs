using System;
using System.IO;
using System.Linq;
using System.Net.Mime;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Api.Models;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;
using Jellyfin.Plugin.Aperture.Library;
using MediaBrowser.Controller.Library;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Api;

/// <summary>
/// The signed-in user's Discover section: their missing titles with Seerr's status, and requests in their name. Open
/// to every signed-in user; the user always comes from the request's sign-in, never from the route or the body, so
/// nobody can request as someone else.
/// </summary>
[ApiController]
[Authorize]
[Route("Aperture/User/Discover")]
[Produces(MediaTypeNames.Application.Json)]
public class UserDiscoverController : ControllerBase
{
    private const string NoUser = "This needs a signed-in Jellyfin user (an API key acts for no user).";

    private readonly DiscoverList _list;
    private readonly DiscoverRequests _requests;
    private readonly SeerrAccounts _accounts;
    private readonly SeerrClient _client;
    private readonly SeerrRequestLog _log;
    private readonly IUserManager _userManager;
    private readonly ILogger<UserDiscoverController> _logger;

    /// <summary>Initializes a new instance of the <see cref="UserDiscoverController"/> class.</summary>
    /// <param name="list">Builds the list.</param>
    /// <param name="requests">Makes requests.</param>
    /// <param name="accounts">Finds the user's Seerr account.</param>
    /// <param name="client">The Seerr client.</param>
    /// <param name="log">The requests made.</param>
    /// <param name="userManager">Jellyfin's users.</param>
    /// <param name="logger">The logger.</param>
    public UserDiscoverController(DiscoverList list, DiscoverRequests requests, SeerrAccounts accounts, SeerrClient client, SeerrRequestLog log, IUserManager userManager, ILogger<UserDiscoverController> logger)
    {
        _log = log;
        _list = list;
        _requests = requests;
        _accounts = accounts;
        _client = client;
        _userManager = userManager;
        _logger = logger;
    }

    /// <summary>Gets the signed-in user's Discover list and Seerr standing.</summary>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The list.</returns>
    [HttpGet]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<DiscoverView>> Get(CancellationToken cancellationToken)
    {
        if (!JellyfinUser.TryGetUserId(User, out var userId) || UserName(userId) is not { } name)
        {
            return Forbidden();
        }

        var items = await _list.ListAsync(userId, cancellationToken).ConfigureAwait(false);
        var account = _client.IsConfigured ? await _accounts.GetAsync(userId, name, cancellationToken).ConfigureAwait(false) : null;
        var rights = account?.Rights;
        return Ok(new DiscoverView
        {
            SeerrConfigured = _client.IsConfigured,
            SeerrUser = account?.Match?.User?.Name,
            Problem = account is null ? "Seerr is not set up on this server, so titles cannot be requested here yet." : account.Problem,
            CanRequestMovies = rights?.Refusal(true) is null && rights is not null,
            CanRequestSeries = rights?.Refusal(false) is null && rights is not null,
            MoviesLeft = rights?.MoviesLeft,
            SeriesLeft = rights?.SeriesLeft,
            Items = items.Select(i => new DiscoverItemView
            {
                Kind = i.Title.Kind,
                Title = i.Title.Title,
                Year = i.Title.Year,
                TmdbId = i.Title.Tmdb,
                PosterUrl = PosterUrl(i.PosterPath),
                Reasons = i.Reasons,
                Status = i.Availability?.ToString(),
                StatusText = i.Availability is { } a ? SeerrMediaStatus.Words(a) : "Seerr status not known",
                CanRequest = i.Title.Tmdb is not null && rights?.Refusal(i.Title.Kind == MissingTitle.Movie) is null && rights is not null
                    && (i.Availability is not { } known || (SeerrMediaStatus.IsRequestable(known) && !(known == SeerrAvailability.PartlyAvailable && i.Title.Kind == MissingTitle.Movie))),
            }).ToList(),
            Requests = _log.List(userId).Select(r => new DiscoverRequestedView
            {
                Kind = r.Kind,
                Title = r.Title,
                TmdbId = r.Tmdb,
                RequestedAt = r.RequestedAt,
                Status = r.DoneAt is not null ? "InLibrary" : r.Status,
                StatusText = r.DoneAt is not null
                    ? "In your library"
                    : Enum.TryParse<SeerrAvailability>(r.Status, out var a) ? SeerrMediaStatus.Words(a) : "Requested",
            }).ToList(),
        });
    }

    /// <summary>Requests a title in Seerr in the signed-in user's name.</summary>
    /// <param name="input">The title.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>How it ended.</returns>
    [HttpPost("Request")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<DiscoverRequestView>> CreateRequest([FromBody] DiscoverRequestInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!JellyfinUser.TryGetUserId(User, out var userId) || UserName(userId) is not { } name)
        {
            return Forbidden();
        }

        if (input.Kind is not (MissingTitle.Movie or MissingTitle.Show))
        {
            return BadRequest(new ErrorView { Message = "Kind must be \"movie\" or \"show\"." });
        }

        var title = _list.TitleOf(userId, input.Kind, input.TmdbId);
        var options = new SeerrRequestOptions(input.ServerId, input.ProfileId, input.RootFolder, input.Is4k);
        var result = await _requests.RequestAsync(userId, name, input.Kind == MissingTitle.Movie, input.TmdbId, input.Seasons, options, title, cancellationToken).ConfigureAwait(false);
        var view = new DiscoverRequestView { Status = result.Status.ToString(), Message = result.Message };
        return result.Status == DiscoverRequestStatus.Invalid ? BadRequest(view) : Ok(view);
    }

    /// <summary>Gets the seasons of a series the signed-in user may choose from when requesting it.</summary>
    /// <param name="tmdbId">The series' TMDb id.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The season numbers.</returns>
    [HttpGet("Seasons/{tmdbId}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    [ProducesResponseType(StatusCodes.Status502BadGateway)]
    public async Task<ActionResult<DiscoverSeasonsView>> GetSeasons([FromRoute] long tmdbId, CancellationToken cancellationToken)
    {
        if (!JellyfinUser.TryGetUserId(User, out var userId) || UserName(userId) is null)
        {
            return Forbidden();
        }

        if (tmdbId <= 0)
        {
            return BadRequest(new ErrorView { Message = "A series needs a TMDb id." });
        }

        if (!_client.IsConfigured)
        {
            return StatusCode(StatusCodes.Status502BadGateway, new ErrorView { Message = "Seerr is not set up on this server yet: ask your admin." });
        }

        var seasons = await _client.GetSeasonsAsync(tmdbId, cancellationToken).ConfigureAwait(false);
        return seasons.Value is { } list
            ? Ok(new DiscoverSeasonsView { Seasons = list })
            : StatusCode(StatusCodes.Status502BadGateway, new ErrorView { Message = "Seerr could not list the seasons now: " + seasons.Message });
    }

    /// <summary>
    /// Gets what the signed-in user may choose when requesting a movie or series: servers with their profiles and
    /// folders only when their Seerr account may make advanced requests, and 4K only when it may request 4K and a 4K
    /// server exists. Everyone else gets nothing to choose, and Seerr's defaults apply.
    /// </summary>
    /// <param name="kind">"movie" or "show".</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The choices.</returns>
    [HttpGet("Options/{kind}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status403Forbidden)]
    public async Task<ActionResult<DiscoverOptionsView>> GetOptions([FromRoute] string kind, CancellationToken cancellationToken)
    {
        if (!JellyfinUser.TryGetUserId(User, out var userId) || UserName(userId) is not { } name)
        {
            return Forbidden();
        }

        if (kind is not (MissingTitle.Movie or MissingTitle.Show))
        {
            return BadRequest(new ErrorView { Message = "Kind must be \"movie\" or \"show\"." });
        }

        var isMovie = kind == MissingTitle.Movie;
        var rights = _client.IsConfigured ? (await _accounts.GetAsync(userId, name, cancellationToken).ConfigureAwait(false)).Rights : null;
        if (rights is null || rights.Refusal(isMovie) is not null || (!rights.Advanced && !rights.May4k(isMovie)))
        {
            return Ok(new DiscoverOptionsView());
        }

        var services = (await _client.GetServicesAsync(isMovie, cancellationToken).ConfigureAwait(false)).Value ?? [];
        var offer4k = rights.May4k(isMovie) && services.Any(s => s.Is4k);
        var servers = new System.Collections.Generic.List<DiscoverServerView>();
        if (rights.Advanced)
        {
            foreach (var service in services.Where(s => offer4k || !s.Is4k))
            {
                var details = (await _client.GetServiceDetailsAsync(isMovie, service.Id, cancellationToken).ConfigureAwait(false)).Value;
                servers.Add(new DiscoverServerView
                {
                    Id = service.Id,
                    Name = service.Name,
                    Is4k = service.Is4k,
                    IsDefault = service.IsDefault,
                    Profiles = details?.Profiles ?? [],
                    RootFolders = details?.RootFolders ?? [],
                });
            }
        }

        return Ok(new DiscoverOptionsView { CanChooseServer = rights.Advanced && servers.Count > 0, Offer4k = offer4k, Servers = servers });
    }

    /// <summary>Gets the Discover section's script (static, like the user page's own). Two addresses, as for the page's script.</summary>
    /// <returns>The script.</returns>
    [HttpGet("/Aperture/UserPageDiscover.js")]
    [HttpGet("/Aperture/UserPage/UserPageDiscover.js")]
    [AllowAnonymous]
    [Produces("text/javascript")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public ActionResult GetScript()
    {
        var stream = typeof(UserDiscoverController).Assembly.GetManifestResourceStream("Jellyfin.Plugin.Aperture.UserPage.userPageDiscover.js")
            ?? throw new FileNotFoundException("The Discover script is missing from the plugin assembly.");
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "no-cache";
        return File(stream, "text/javascript; charset=utf-8");
    }

    // TMDb's image server, which the user page's Content-Security-Policy allows; only a plain "/name.jpg" path is used.
    private static string? PosterUrl(string? path) =>
        path is { Length: > 1 } && path[0] == '/' && path.IndexOfAny(['?', '#', '\\', ':']) < 0 && !path.StartsWith("//", StringComparison.Ordinal)
            ? "https://image.tmdb.org/t/p/w154" + path
            : null;

    private string? UserName(Guid userId) =>
        UserManagerCompat.GetUsers(_userManager, _logger).FirstOrDefault(u => u.Id == userId)?.Username;

    private ObjectResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden, new ErrorView { Message = NoUser });
}
