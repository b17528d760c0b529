using MediaBrowser.Controller.Entities;

namespace MediaBrowser.Controller.Playlists;

/// <summary>Declaration of Jellyfin's Playlist (type only; IPlaylistManager is not declared yet).</summary>
public class Playlist : Folder
{
}
