using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.AiPicks;

namespace Jellyfin.Plugin.Aperture.Tests.AiPicks;

/// <summary>
/// The library, users, what each may see and what each did, in memory. A user sees every title unless the test
/// forbids some (as library access or a parental limit would in Jellyfin).
/// </summary>
public sealed class FakePicksLibrary : IPicksLibrary
{
    public List<PickTitle> Titles { get; } = [];

    public Dictionary<Guid, List<UserSignal>> UserSignals { get; } = [];

    public Dictionary<Guid, HashSet<Guid>> Forbidden { get; } = [];

    /// <summary>Gets how often titles were read with their people.</summary>
    public int ReadsWithPeople { get; private set; }

    public IReadOnlyList<PickTitle> ReadTitles(bool withPeople)
    {
        ReadsWithPeople += withPeople ? 1 : 0;
        return Titles.Select(t => withPeople ? t : t with { People = [] }).ToList();
    }

    public IReadOnlyList<Guid> Users() => UserSignals.Keys.ToList();

    public IReadOnlySet<Guid>? VisibleTitles(Guid userId) =>
        UserSignals.ContainsKey(userId)
            ? Titles.Select(t => t.Id).Where(id => !Forbidden.TryGetValue(userId, out var f) || !f.Contains(id)).ToHashSet()
            : null;

    public IReadOnlyList<UserSignal> Signals(Guid userId) => UserSignals.TryGetValue(userId, out var s) ? s.ToList() : [];

    public Task<bool> ReplaceTagsAsync(Guid itemId, IReadOnlyCollection<string> remove, IReadOnlyCollection<string> add, CancellationToken cancellationToken)
    {
        var index = Titles.FindIndex(t => t.Id == itemId);
        if (index < 0)
        {
            return Task.FromResult(false);
        }

        var tags = Titles[index].Tags.Where(t => !remove.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        tags.AddRange(add.Where(a => !tags.Contains(a, StringComparer.OrdinalIgnoreCase)));
        Titles[index] = Titles[index] with { Tags = tags };
        return Task.FromResult(true);
    }

    public IReadOnlyList<string> TagsOf(string name) => Titles.Single(t => t.Name == name).Tags;

    public Guid Id(string name) => Titles.Single(t => t.Name == name).Id;

    public string Name(Guid id) => Titles.Single(t => t.Id == id).Name;

    /// <summary>Adds a user who finished and liked (rated 9) the named titles, watched recently.</summary>
    public Guid AddUser(DateTimeOffset now, params string[] liked)
    {
        var user = Guid.NewGuid();
        UserSignals[user] = liked.Select(n => new UserSignal(Id(n), true, null, false, null, 9, now.AddDays(-10))).ToList();
        return user;
    }
}
