using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>
/// Makes a request in Seerr in a Jellyfin user's name. Checks first what Seerr would check (an account, the
/// permission, the quota, the title's status), so the user hears why at once and Aperture never asks Seerr for
/// more than that user may have; then sends the request with the user's Seerr id, so it counts against them.
/// </summary>
public sealed class DiscoverRequests
{
    private readonly SeerrClient _client;
    private readonly SeerrAccounts _accounts;
    private readonly SeerrRequestLog _log;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscoverRequests> _logger;

    /// <summary>Initializes a new instance of the <see cref="DiscoverRequests"/> class.</summary>
    /// <param name="client">The Seerr client.</param>
    /// <param name="accounts">Finds the user's Seerr account.</param>
    /// <param name="log">Keeps the requests made, for the refresh task and the user page.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public DiscoverRequests(SeerrClient client, SeerrAccounts accounts, SeerrRequestLog log, TimeProvider time, ILogger<DiscoverRequests> logger)
    {
        _client = client;
        _accounts = accounts;
        _log = log;
        _time = time;
        _logger = logger;
    }

    /// <summary>Requests a title for a user.</summary>
    /// <param name="jellyfinUserId">The signed-in Jellyfin user (never taken from the caller's input).</param>
    /// <param name="jellyfinName">Their Jellyfin user name.</param>
    /// <param name="isMovie">True for a movie, false for a series.</param>
    /// <param name="tmdbId">The TMDb id.</param>
    /// <param name="seasons">For a series: the seasons, or null for all.</param>
    /// <param name="title">The title's name, for the user's list of requests; null when not known.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What happened, in the user's words.</returns>
    public Task<DiscoverRequestResult> RequestAsync(Guid jellyfinUserId, string jellyfinName, bool isMovie, long tmdbId, IReadOnlyList<int>? seasons, string? title, CancellationToken cancellationToken) =>
        RequestAsync(jellyfinUserId, jellyfinName, isMovie, tmdbId, seasons, null, title, cancellationToken);

    /// <summary>Requests a title for a user with their choice of server, profile, folder and 4K.</summary>
    /// <param name="jellyfinUserId">The signed-in Jellyfin user (never taken from the caller's input).</param>
    /// <param name="jellyfinName">Their Jellyfin user name.</param>
    /// <param name="isMovie">True for a movie, false for a series.</param>
    /// <param name="tmdbId">The TMDb id.</param>
    /// <param name="seasons">For a series: the seasons, or null for all.</param>
    /// <param name="options">The server, profile, folder and 4K, or null for Seerr's defaults.</param>
    /// <param name="title">The title's name, for the user's list of requests; null when not known.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What happened, in the user's words.</returns>
    public async Task<DiscoverRequestResult> RequestAsync(Guid jellyfinUserId, string jellyfinName, bool isMovie, long tmdbId, IReadOnlyList<int>? seasons, SeerrRequestOptions? options, string? title, CancellationToken cancellationToken)
    {
        if (tmdbId <= 0 || (seasons is not null && (isMovie || seasons.Any(s => s < 0))))
        {
            return new DiscoverRequestResult(DiscoverRequestStatus.Invalid, "A request needs a TMDb id, and seasons (0 or more) only for a series.");
        }

        if (!_client.IsConfigured)
        {
            return new DiscoverRequestResult(DiscoverRequestStatus.Unavailable, "Seerr is not set up on this server yet: ask your admin.");
        }

        var account = await _accounts.GetAsync(jellyfinUserId, jellyfinName, cancellationToken).ConfigureAwait(false);
        if (account.Match is null)
        {
            return new DiscoverRequestResult(DiscoverRequestStatus.Unavailable, account.Problem ?? "Seerr did not answer.");
        }

        if (account.Match.User is not { } seerrUser || account.Rights is not { } rights)
        {
            return new DiscoverRequestResult(DiscoverRequestStatus.NotMapped, SeerrAccounts.NotMapped);
        }

        if (rights.Refusal(isMovie) is { } refusal)
        {
            return new DiscoverRequestResult(DiscoverRequestStatus.NotAllowed, refusal);
        }

        if (options is { IsAdvanced: true } && !rights.Advanced)
        {
            return new DiscoverRequestResult(DiscoverRequestStatus.NotAllowed, "Your Seerr account may not choose the server, quality profile or folder; Seerr's defaults are used. Ask your admin for the Advanced Requests permission in Seerr.");
        }

        if (options is { Is4k: true } && !rights.May4k(isMovie))
        {
            return new DiscoverRequestResult(DiscoverRequestStatus.NotAllowed, "Your Seerr account may not request " + (isMovie ? "movies" : "series") + " in 4K.");
        }

        var server = await _client.GetServerAsync(RequestPriority.Interactive, cancellationToken).ConfigureAwait(false);
        var status = await _client.GetMediaAsync(isMovie, tmdbId, RequestPriority.Interactive, cancellationToken).ConfigureAwait(false);
        if (status.Outcome == UpstreamOutcome.NotFound)
        {
            return new DiscoverRequestResult(DiscoverRequestStatus.Invalid, "Seerr does not know this title (TMDb " + tmdbId + ").");
        }

        // A 4K request has a status of its own in Seerr; Seerr itself refuses a duplicate 4K request (409).
        if (status.Value is not null && server.Value is not null && options is not { Is4k: true })
        {
            var availability = SeerrMediaStatus.Map(status.Value.Status, server.Value.Kind);
            if (availability == SeerrAvailability.Blocklisted)
            {
                return new DiscoverRequestResult(DiscoverRequestStatus.NotAllowed, "This title is on Seerr's blocklist, so nobody can request it.");
            }

            if (!SeerrMediaStatus.IsRequestable(availability) || (availability == SeerrAvailability.PartlyAvailable && isMovie))
            {
                return new DiscoverRequestResult(DiscoverRequestStatus.AlreadyRequested, "Already requested: " + SeerrMediaStatus.Words(availability) + ".");
            }
        }

        var body = new SeerrRequestBody(seerrUser.Id, isMovie, tmdbId, seasons)
        {
            ServerId = options?.ServerId,
            ProfileId = options?.ProfileId,
            RootFolder = string.IsNullOrEmpty(options?.RootFolder) ? null : options.RootFolder,
            Is4k = options?.Is4k == true,
        };
        var answer = await _client.CreateRequestAsync(body, cancellationToken).ConfigureAwait(false);
        switch (answer.StatusCode)
        {
            case 201 or 202:
                _logger.LogInformation("Requested {Kind} TMDb {TmdbId} in Seerr for Jellyfin user {UserId} as Seerr user {SeerrUserId}", isMovie ? "movie" : "series", tmdbId, jellyfinUserId, seerrUser.Id);
                var approved = isMovie ? rights.AutoApproveMovies : rights.AutoApproveSeries;
                _log.Record(new SeerrRequestRecord(
                    jellyfinUserId,
                    isMovie ? MissingTitle.Movie : MissingTitle.Show,
                    tmdbId,
                    title ?? "TMDb " + tmdbId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    seerrUser.Id,
                    _time.GetUtcNow(),
                    (approved ? SeerrAvailability.Processing : SeerrAvailability.Pending).ToString(),
                    null));
                var approval = approved ? "approved at once" : "waiting for approval";
                return new DiscoverRequestResult(DiscoverRequestStatus.Requested, "Requested in Seerr as " + seerrUser.Name + ", " + approval + ".");
            case 409:
                return new DiscoverRequestResult(DiscoverRequestStatus.AlreadyRequested, "Already requested in Seerr.");
            case 403:
                return new DiscoverRequestResult(DiscoverRequestStatus.NotAllowed, "Seerr refused the request: " + answer.Message);
            default:
                return new DiscoverRequestResult(DiscoverRequestStatus.Unavailable, "Seerr could not take the request now: " + answer.Message);
        }
    }
}
