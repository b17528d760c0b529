using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>
/// A user's own Jellyfin playlists, found by the id Aperture stored, so the sync never holds a Jellyfin type.
/// </summary>
public interface IUserPlaylists
{
    /// <summary>
    /// Reads a playlist's entries in order.
    /// </summary>
    /// <param name="userId">The owner.</param>
    /// <param name="playlistId">The playlist id Aperture stored.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The entries, or null when the playlist is gone (deleted by the user, or never there).</returns>
    Task<IReadOnlyList<PlaylistEntry>?> ReadAsync(Guid userId, Guid playlistId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a private playlist owned by the user.
    /// </summary>
    /// <param name="userId">The owner.</param>
    /// <param name="name">The name.</param>
    /// <param name="itemIds">The movies and series to put on it, in order.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The new playlist's id.</returns>
    Task<Guid> CreateAsync(Guid userId, string name, IReadOnlyList<Guid> itemIds, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a playlist's entries (a series becomes its episodes; an episode id stays itself).
    /// </summary>
    /// <param name="userId">The owner.</param>
    /// <param name="playlistId">The playlist id.</param>
    /// <param name="itemIds">The items, in order.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task.</returns>
    Task SetItemsAsync(Guid userId, Guid playlistId, IReadOnlyList<Guid> itemIds, CancellationToken cancellationToken);

    /// <summary>
    /// Gets a user's name for messages an admin reads.
    /// </summary>
    /// <param name="userId">The user id.</param>
    /// <returns>The name, or null when the user is gone.</returns>
    string? UserName(Guid userId);
}
