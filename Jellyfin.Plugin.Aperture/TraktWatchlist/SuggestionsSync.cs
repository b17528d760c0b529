using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.TraktSync;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>
/// One user's Trakt recommendations, split: those in the library replace the user's suggestions playlist (in
/// Trakt's order, movies first), the others are stored as missing for Discovery. Both are replaced only after
/// every read succeeded, so a failed read keeps the playlist and the stored list as they were.
/// </summary>
public sealed class SuggestionsSync
{
    /// <summary>How many recommendations of each kind are asked for.</summary>
    public const int Limit = 50;

    private readonly WatchlistSyncStore _store;
    private readonly MissingTitleStore _missing;
    private readonly IUserPlaylists _playlists;
    private readonly TimeProvider _time;
    private readonly ILogger<SuggestionsSync> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="SuggestionsSync"/> class.
    /// </summary>
    /// <param name="store">Where the playlist id is kept.</param>
    /// <param name="missing">Where missing titles go.</param>
    /// <param name="playlists">The users' playlists.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public SuggestionsSync(WatchlistSyncStore store, MissingTitleStore missing, IUserPlaylists playlists, TimeProvider time, ILogger<SuggestionsSync> logger)
    {
        _store = store;
        _missing = missing;
        _playlists = playlists;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Refreshes one user's suggestions.
    /// </summary>
    /// <param name="userId">The Jellyfin user.</param>
    /// <param name="client">The user's Trakt client.</param>
    /// <param name="library">Every library movie and series.</param>
    /// <param name="playlistName">The name a new playlist gets.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>What happened.</returns>
    public async Task<SuggestionsResult> RunAsync(Guid userId, TraktWatchlistClient client, IReadOnlyList<LibraryTitle> library, string playlistName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(library);
        var matcher = new RatingKeyMatcher(library.Select(t => new LocalRating(t.Kind, t.Ids, null, null)));
        var itemOf = new Dictionary<RatingKey, Guid>();
        foreach (var title in library)
        {
            if (title.Key is { } key)
            {
                itemOf.TryAdd(key, title.ItemId);
            }
        }

        var items = new List<Guid>();
        var missing = new List<MissingTitle>();
        foreach (var kind in new[] { RatingKind.Movie, RatingKind.Show })
        {
            var answer = await client.GetRecommendationsAsync(kind, Limit, cancellationToken).ConfigureAwait(false);
            if (answer.Value is not { } titles)
            {
                _logger.LogWarning("Trakt suggestions for user {UserId} stopped: {Error}", userId, answer.Error);
                return new SuggestionsResult(answer.Error ?? "Trakt's recommendations could not be read.", 0, 0);
            }

            foreach (var title in titles)
            {
                if (matcher.Match(kind, title.Ids) is { } key && itemOf.TryGetValue(key, out var itemId))
                {
                    if (!items.Contains(itemId))
                    {
                        items.Add(itemId);
                    }
                }
                else
                {
                    missing.Add(new MissingTitle(kind == RatingKind.Movie ? MissingTitle.Movie : MissingTitle.Show, title.Title, title.Year, title.Ids.Imdb, title.Ids.Tmdb, title.Ids.Tvdb, missing.Count + 1));
                }
            }
        }

        var playlistId = _store.GetPlaylist(userId, TraktSyncFeatures.Suggestions);
        var entries = playlistId is { } id ? await _playlists.ReadAsync(userId, id, cancellationToken).ConfigureAwait(false) : null;
        if (entries is not null)
        {
            // Rewritten only when the suggestions changed, so an unchanged hour leaves the playlist alone.
            if (!entries.Select(e => e.TitleId).Distinct().SequenceEqual(items))
            {
                await _playlists.SetItemsAsync(userId, playlistId!.Value, items, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (items.Count > 0)
        {
            _store.SetPlaylist(userId, TraktSyncFeatures.Suggestions, await _playlists.CreateAsync(userId, playlistName, items, cancellationToken).ConfigureAwait(false));
        }

        _missing.Replace(MissingTitleSources.TraktSuggestions, TraktSyncFeatures.Suggestions, userId, missing, _time.GetUtcNow());
        return new SuggestionsResult(null, items.Count, missing.Count);
    }
}
