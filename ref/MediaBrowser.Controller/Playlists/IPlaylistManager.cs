using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using MediaBrowser.Controller.Entities;

namespace MediaBrowser.Controller.Playlists;

/// <summary>
/// Declaration of Jellyfin's IPlaylistManager (subset: the plugin only consumes it). Only members whose 10.9+
/// signatures were checked are declared; CreatePlaylist is left out until its request/result types are verified
/// against 10.11.0.
/// </summary>
public interface IPlaylistManager
{
    IEnumerable<Playlist> GetPlaylists(Guid userId);

    Task AddItemToPlaylistAsync(Guid playlistId, IReadOnlyCollection<Guid> itemIds, Guid userId);

    Task RemoveItemFromPlaylistAsync(string playlistId, IEnumerable<string> entryIds);

    Folder? GetPlaylistsFolder();
}
