using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.TraktWatchlist;

namespace Jellyfin.Plugin.Aperture.Tests.TraktWatchlist;

/// <summary>
/// Users' playlists in memory, behaving like Jellyfin's where the sync can tell: a series put on a playlist becomes
/// its episodes (when it has any; none when it has none), entries keep their order, a deleted playlist is gone.
/// </summary>
public sealed class FakePlaylists : IUserPlaylists
{
    private readonly Dictionary<Guid, (Guid Owner, string Name, List<PlaylistEntry> Entries)> _playlists = [];

    /// <summary>Gets the episodes of each series.</summary>
    public Dictionary<Guid, List<Guid>> Episodes { get; } = [];

    /// <summary>Gets the user names.</summary>
    public Dictionary<Guid, string> Names { get; } = [];

    /// <summary>Gets how many playlists were created.</summary>
    public int Created { get; private set; }

    /// <summary>Gets the users whose playlist writes fail, as a server refusing them would.</summary>
    public HashSet<Guid> Broken { get; } = [];

    public Task<IReadOnlyList<PlaylistEntry>?> ReadAsync(Guid userId, Guid playlistId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PlaylistEntry>?>(_playlists.TryGetValue(playlistId, out var p) && p.Owner == userId ? p.Entries.ToList() : null);

    public Task<Guid> CreateAsync(Guid userId, string name, IReadOnlyList<Guid> itemIds, CancellationToken cancellationToken)
    {
        if (Broken.Contains(userId))
        {
            throw new InvalidOperationException("The playlist could not be created.");
        }

        var id = Guid.NewGuid();
        _playlists[id] = (userId, name, Expand(itemIds));
        Created++;
        return Task.FromResult(id);
    }

    public Task SetItemsAsync(Guid userId, Guid playlistId, IReadOnlyList<Guid> itemIds, CancellationToken cancellationToken)
    {
        var p = _playlists[playlistId];
        _playlists[playlistId] = p with { Entries = Expand(itemIds) };
        return Task.CompletedTask;
    }

    public string? UserName(Guid userId) => Names.TryGetValue(userId, out var name) ? name : null;

    /// <summary>Gets the playlists a user owns, by name.</summary>
    public IReadOnlyList<(Guid Id, string Name)> Of(Guid userId) => _playlists.Where(p => p.Value.Owner == userId).Select(p => (p.Key, p.Value.Name)).ToList();

    /// <summary>Gets the titles (movie or series ids) on a playlist, in order, once each.</summary>
    public IReadOnlyList<Guid> Titles(Guid playlistId) => _playlists[playlistId].Entries.Select(e => e.TitleId).Distinct().ToList();

    /// <summary>Adds a title as the user would in jellyfin-web.</summary>
    public void UserAdds(Guid playlistId, Guid itemId) => _playlists[playlistId].Entries.AddRange(Expand([itemId]));

    /// <summary>Removes every entry of a title as the user would in jellyfin-web.</summary>
    public void UserRemoves(Guid playlistId, Guid titleId) => _playlists[playlistId].Entries.RemoveAll(e => e.TitleId == titleId);

    /// <summary>Renames a playlist as the user would.</summary>
    public void UserRenames(Guid playlistId, string name) => _playlists[playlistId] = _playlists[playlistId] with { Name = name };

    /// <summary>Deletes a playlist as the user would.</summary>
    public void UserDeletes(Guid playlistId) => _playlists.Remove(playlistId);

    private List<PlaylistEntry> Expand(IEnumerable<Guid> itemIds)
    {
        var entries = new List<PlaylistEntry>();
        foreach (var id in itemIds)
        {
            if (Episodes.TryGetValue(id, out var episodes))
            {
                entries.AddRange(episodes.Select(e => new PlaylistEntry(e, id)));
            }
            else if (Episodes.FirstOrDefault(s => s.Value.Contains(id)) is { Value: not null } series)
            {
                entries.Add(new PlaylistEntry(id, series.Key));
            }
            else
            {
                entries.Add(new PlaylistEntry(id, id));
            }
        }

        return entries;
    }
}
