using System;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Jellyfin.Plugin.Aperture.TraktSync;
using MediaBrowser.Controller.Library;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// Watches Jellyfin's user-data saves and records when a user's movie or series rating (or like) changes, because
/// Jellyfin keeps no such time and the merge needs it against Trakt's <c>rated_at</c>. Aperture's own saves are
/// skipped, so nothing echoes. A change by a linked user starts the sync shortly after.
/// </summary>
public sealed class UserRatingListener : IHostedService
{
    private readonly IUserDataManager _userData;
    private readonly LocalRatingTimes _times;
    private readonly OwnRatingWrites _own;
    private readonly TraktAccountStore _accounts;
    private readonly RatingsSyncDebouncer _debouncer;
    private readonly TimeProvider _time;
    private readonly ILogger<UserRatingListener> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="UserRatingListener"/> class.
    /// </summary>
    /// <param name="userData">Jellyfin's user data manager.</param>
    /// <param name="times">The local change times.</param>
    /// <param name="own">Aperture's own saves in progress.</param>
    /// <param name="accounts">The linked accounts.</param>
    /// <param name="debouncer">Starts the sync after changes.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public UserRatingListener(IUserDataManager userData, LocalRatingTimes times, OwnRatingWrites own, TraktAccountStore accounts, RatingsSyncDebouncer debouncer, TimeProvider time, ILogger<UserRatingListener> logger)
    {
        _userData = userData;
        _times = times;
        _own = own;
        _accounts = accounts;
        _debouncer = debouncer;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _userData.UserDataSaved += OnUserDataSaved;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _userData.UserDataSaved -= OnUserDataSaved;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Handles one save (public for tests, which raise it without a server).
    /// </summary>
    /// <param name="sender">The user data manager.</param>
    /// <param name="e">The save.</param>
    public void OnUserDataSaved(object? sender, UserDataSaveEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        try
        {
            if (e.Item is null || JellyfinUserRatings.Identify(e.Item) is null || _own.IsOwn(e.UserId, e.Item.Id))
            {
                return;
            }

            if (_times.RecordIfChanged(e.UserId, e.Item.Id, JellyfinUserRatings.ValueOf(e.UserData), _time.GetUtcNow())
                && _accounts.GetSummary(e.UserId)?.State == TraktLinkState.Linked)
            {
                _debouncer.Changed();
            }
        }
#pragma warning disable CA1031 // An event handler that throws would fail the user's own save in Jellyfin.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogWarning(ex, "Aperture could not record a rating change for Trakt sync");
        }
    }
}
