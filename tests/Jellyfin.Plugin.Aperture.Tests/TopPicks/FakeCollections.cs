using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.TopPicks;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.TopPicks;

/// <summary>Jellyfin's collections as Top Picks sees them: named, ordered member lists an admin may also edit.</summary>
public sealed class FakeCollections : ITopPicksCollections
{
    public Dictionary<Guid, (string Name, List<Guid> Members)> All { get; } = new();

    public int Writes { get; private set; }

    /// <summary>Gets or sets a collection name whose changes Jellyfin refuses (the test's broken collection).</summary>
    public string? Broken { get; set; }

    /// <summary>Gets or sets what tells whether Jellyfin is scanning: a collection changed meanwhile fails the test.</summary>
    public Func<bool>? ScanRunning { get; set; }

    public IReadOnlyList<Guid>? GetMembers(Guid collectionId) => All.TryGetValue(collectionId, out var c) ? c.Members.ToList() : null;

    public Task<Guid> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        All[id] = (name, []);
        return Task.FromResult(id);
    }

    public Task ApplyAsync(Guid collectionId, string name, IReadOnlyList<Guid> toAdd, IReadOnlyList<Guid> toRemove, IReadOnlyList<Guid> order, CancellationToken cancellationToken)
    {
        Assert.False(ScanRunning?.Invoke() ?? false, "A collection was changed while Jellyfin was scanning.");
        if (name == Broken)
        {
            throw new ArgumentException("No item exists with the supplied Id");
        }

        var (_, members) = All[collectionId];
        members.AddRange(toAdd.Where(id => !members.Contains(id)));
        members.RemoveAll(toRemove.Contains);
        Assert.Equal(members.OrderBy(m => m), order.OrderBy(m => m));
        All[collectionId] = (name, order.ToList());
        Writes++;
        return Task.CompletedTask;
    }

    /// <summary>What an admin does in jellyfin-web: adds an item to the collection by hand.</summary>
    public void AddByHand(Guid collectionId, Guid item) => All[collectionId].Members.Add(item);

    /// <summary>What an admin does in jellyfin-web: deletes the collection.</summary>
    public void Delete(Guid collectionId) => All.Remove(collectionId);
}
