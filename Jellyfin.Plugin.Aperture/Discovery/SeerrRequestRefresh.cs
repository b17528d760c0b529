using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;
using Jellyfin.Plugin.Aperture.TraktSync;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>
/// Refreshes the open Discover requests: one whose title is now in the user's Jellyfin library is done; the others
/// get Seerr's current status. A failed Seerr read keeps the status stored before.
/// </summary>
public sealed class SeerrRequestRefresh
{
    private readonly SeerrRequestLog _log;
    private readonly SeerrClient _client;
    private readonly IUserRatingsLibrary _library;
    private readonly TimeProvider _time;
    private readonly ILogger<SeerrRequestRefresh> _logger;

    /// <summary>Initializes a new instance of the <see cref="SeerrRequestRefresh"/> class.</summary>
    /// <param name="log">The requests.</param>
    /// <param name="client">The Seerr client.</param>
    /// <param name="library">What each user's library holds, with TMDb ids.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public SeerrRequestRefresh(SeerrRequestLog log, SeerrClient client, IUserRatingsLibrary library, TimeProvider time, ILogger<SeerrRequestRefresh> logger)
    {
        _log = log;
        _client = client;
        _library = library;
        _time = time;
        _logger = logger;
    }

    /// <summary>Refreshes every open request.</summary>
    /// <param name="progress">Progress, 0–100.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>How many were found done.</returns>
    public async Task<int> RunAsync(IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var open = _log.List(null);
        var done = 0;
        var server = open.Count > 0 && _client.IsConfigured
            ? (await _client.GetServerAsync(RequestPriority.Background, cancellationToken).ConfigureAwait(false)).Value
            : null;
        foreach (var (user, index) in open.GroupBy(r => r.UserId).Select((g, i) => (g, i)))
        {
            var library = _library.Read(user.Key)
                .Where(i => i.Ids.Tmdb is not null)
                .Select(i => (i.Kind == RatingKind.Movie ? MissingTitle.Movie : MissingTitle.Show, i.Ids.Tmdb!.Value))
                .ToHashSet();
            foreach (var request in user)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (library.Contains((request.Kind, request.Tmdb)))
                {
                    _log.MarkDone(request, _time.GetUtcNow());
                    done++;
                    continue;
                }

                if (server is null)
                {
                    continue;
                }

                var status = await _client.GetMediaAsync(request.Kind == MissingTitle.Movie, request.Tmdb, RequestPriority.Background, cancellationToken).ConfigureAwait(false);
                if (status.Value is not null)
                {
                    _log.SetStatus(request, SeerrMediaStatus.Map(status.Value.Status, server.Kind).ToString(), _time.GetUtcNow());
                }
            }

            progress?.Report(100.0 * (index + 1) / Math.Max(1, open.Select(r => r.UserId).Distinct().Count()));
        }

        _logger.LogInformation("Refreshed {Open} open Seerr requests; {Done} are now in the library", open.Count, done);
        return done;
    }
}
