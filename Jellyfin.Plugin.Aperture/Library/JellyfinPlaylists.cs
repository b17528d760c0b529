using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Data.Enums;
using Jellyfin.Plugin.Aperture.TraktWatchlist;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Entities.TV;
using MediaBrowser.Controller.Library;
using MediaBrowser.Controller.Playlists;
using MediaBrowser.Model.Playlists;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// Users' own playlists through Jellyfin's playlist manager. Only members that are the same in 10.11 and 12.0 are
/// used: <c>CreatePlaylist</c> and <c>UpdatePlaylist</c> (whose item list replaces the entries) rather than
/// <c>AddItemToPlaylistAsync</c>, which gained a position parameter in 12.0.
/// </summary>
public sealed class JellyfinPlaylists : IUserPlaylists
{
    private readonly IPlaylistManager _playlistManager;
    private readonly ILibraryManager _libraryManager;
    private readonly IUserManager _userManager;
    private readonly ILogger<JellyfinPlaylists> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="JellyfinPlaylists"/> class.
    /// </summary>
    /// <param name="playlistManager">Jellyfin's playlist manager.</param>
    /// <param name="libraryManager">Jellyfin's library manager.</param>
    /// <param name="userManager">Jellyfin's user manager.</param>
    /// <param name="logger">The logger.</param>
    public JellyfinPlaylists(IPlaylistManager playlistManager, ILibraryManager libraryManager, IUserManager userManager, ILogger<JellyfinPlaylists> logger)
    {
        _playlistManager = playlistManager;
        _libraryManager = libraryManager;
        _userManager = userManager;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PlaylistEntry>?> ReadAsync(Guid userId, Guid playlistId, CancellationToken cancellationToken)
    {
        // Found by id, so a playlist the user renamed is still the same one; one owned by someone else is not ours.
        if (_libraryManager.GetItemById(playlistId) is not Playlist playlist || playlist.OwnerUserId != userId)
        {
            return Task.FromResult<IReadOnlyList<PlaylistEntry>?>(null);
        }

        IReadOnlyList<PlaylistEntry> entries = playlist.GetManageableItems()
            .Select(pair => new PlaylistEntry(pair.Item2.Id, pair.Item2 is Episode episode && !episode.SeriesId.Equals(Guid.Empty) ? episode.SeriesId : pair.Item2.Id))
            .ToList();
        return Task.FromResult<IReadOnlyList<PlaylistEntry>?>(entries);
    }

    /// <inheritdoc />
    public async Task<Guid> CreateAsync(Guid userId, string name, IReadOnlyList<Guid> itemIds, CancellationToken cancellationToken)
    {
        // Video, said up front: with no item to infer it from, Jellyfin would make an audio playlist.
        var result = await _playlistManager.CreatePlaylist(new PlaylistCreationRequest
        {
            Name = name,
            ItemIdList = Expand(itemIds),
            MediaType = MediaType.Video,
            UserId = userId,
            Public = false,
        }).ConfigureAwait(false);
        var id = Guid.Parse(result.Id, CultureInfo.InvariantCulture);
        _logger.LogInformation("Created playlist {Name} ({PlaylistId}) for user {UserId}", name, id, userId);
        return id;
    }

    /// <inheritdoc />
    public Task SetItemsAsync(Guid userId, Guid playlistId, IReadOnlyList<Guid> itemIds, CancellationToken cancellationToken) =>
        _playlistManager.UpdatePlaylist(new PlaylistUpdateRequest { Id = playlistId, UserId = userId, Ids = Expand(itemIds) });

    /// <inheritdoc />
    public string? UserName(Guid userId) =>
        UserManagerCompat.GetUsers(_userManager, _logger).FirstOrDefault(u => u.Id == userId)?.Username;

    /// <summary>
    /// Puts a series' episodes in its place, in season and episode order. Jellyfin would expand a series itself, but
    /// on 10.11.11 its expansion found no episodes in the fixture library, so the plugin does it.
    /// </summary>
    /// <param name="itemIds">Movies, series and episodes.</param>
    /// <returns>Movies and episodes.</returns>
    private List<Guid> Expand(IReadOnlyList<Guid> itemIds)
    {
        var expanded = new List<Guid>();
        foreach (var id in itemIds)
        {
            if (_libraryManager.GetItemById(id) is not Series series)
            {
                expanded.Add(id);
                continue;
            }

            var episodes = _libraryManager.GetItemList(new InternalItemsQuery
            {
                IncludeItemTypes = [BaseItemKind.Episode],
                AncestorIds = [series.Id],
                IsVirtualItem = false,
                Recursive = true,
            });
            expanded.AddRange(episodes.OfType<Episode>()
                .OrderBy(e => e.ParentIndexNumber ?? int.MaxValue)
                .ThenBy(e => e.IndexNumber ?? int.MaxValue)
                .Select(e => e.Id));
        }

        return expanded;
    }
}
