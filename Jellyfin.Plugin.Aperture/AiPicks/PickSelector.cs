using System;
using System.Collections.Generic;
using System.Linq;
using Jellyfin.Plugin.Aperture.Enrichment;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// Chooses a user's picks: the unseen, visible titles nearest their taste, with diversity (at most
/// <see cref="MaxPerCollection"/> from one collection, never two of one collection in a row), the movie/series mix
/// the admin set, and a reason naming the liked titles each pick is nearest to.
/// </summary>
public static class PickSelector
{
    /// <summary>The most picks from one collection or franchise.</summary>
    public const int MaxPerCollection = 2;

    // Diversity only reorders near the top: a window of this many times the count is enough and keeps 100,000
    // candidates cheap (one pass to score, one partial sort).
    private const int WindowFactor = 8;

    /// <summary>
    /// Picks titles for one user.
    /// </summary>
    /// <param name="profile">The user's taste.</param>
    /// <param name="titles">Candidate titles the user may see, by id.</param>
    /// <param name="vectors">The title vectors.</param>
    /// <param name="excluded">Titles never picked: seen, started or hidden.</param>
    /// <param name="options">The count and the movie share.</param>
    /// <returns>The picks, best first.</returns>
    public static IReadOnlyList<Pick> Select(
        TasteProfile profile,
        IReadOnlyList<PickTitle> titles,
        IReadOnlyDictionary<Guid, QuantizedVector> vectors,
        IReadOnlySet<Guid> excluded,
        PickOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(excluded);
        ArgumentNullException.ThrowIfNull(options);

        var scored = new List<(PickTitle Title, float Score)>(titles.Count);
        foreach (var title in titles)
        {
            if (!excluded.Contains(title.Id) && vectors.TryGetValue(title.Id, out var vector))
            {
                scored.Add((title, vector.Cosine(profile.Vector.Span)));
            }
        }

        var window = Top(scored, options.Count * WindowFactor);
        var movies = (int)Math.Round(options.Count * options.MoviePercent / 100.0);
        var quota = new Dictionary<MediaKind, int> { [MediaKind.Movie] = movies, [MediaKind.Series] = options.Count - movies };

        // A kind with too few candidates lends its places to the other, so the list is still full.
        foreach (var kind in new[] { MediaKind.Movie, MediaKind.Series })
        {
            var available = window.Count(w => w.Title.Kind == kind);
            var other = kind == MediaKind.Movie ? MediaKind.Series : MediaKind.Movie;
            if (available < quota[kind])
            {
                quota[other] += quota[kind] - available;
                quota[kind] = available;
            }
        }

        var chosen = new List<PickTitle>();
        var perCollection = new Dictionary<string, int>(StringComparer.Ordinal);
        var remaining = window.ToList();
        while (chosen.Count < options.Count && remaining.Count > 0)
        {
            var previous = chosen.Count > 0 ? chosen[^1].Collection : null;
            var index = remaining.FindIndex(r => Fits(r.Title, quota, perCollection, previous));

            // Only a run from one collection is left: accept it rather than return fewer picks than asked.
            index = index >= 0 ? index : remaining.FindIndex(r => Fits(r.Title, quota, perCollection, null));
            if (index < 0)
            {
                break;
            }

            var title = remaining[index].Title;
            remaining.RemoveAt(index);
            chosen.Add(title);
            quota[title.Kind]--;
            if (title.Collection is { } collection)
            {
                perCollection[collection] = perCollection.GetValueOrDefault(collection) + 1;
            }
        }

        var liked = profile.Liked.Select(l => l.ItemId).ToHashSet();
        var names = titles.Where(t => liked.Contains(t.Id)).ToDictionary(t => t.Id, t => t.Name);
        return chosen.Select(t => new Pick(t.Id, t.Name, Reason(profile, vectors[t.Id], vectors, names))).ToList();
    }

    /// <summary>
    /// Names the liked titles nearest a pick: "Because you watched X and liked Y".
    /// </summary>
    /// <param name="profile">The user's taste.</param>
    /// <param name="pick">The pick's vector.</param>
    /// <param name="vectors">The title vectors.</param>
    /// <param name="names">The liked titles' names.</param>
    /// <returns>The reason.</returns>
    internal static string Reason(TasteProfile profile, QuantizedVector pick, IReadOnlyDictionary<Guid, QuantizedVector> vectors, IReadOnlyDictionary<Guid, string> names)
    {
        var nearest = profile.Liked
            .Where(l => vectors.ContainsKey(l.ItemId) && names.ContainsKey(l.ItemId))
            .Select(l => (Liked: l, Similarity: vectors[l.ItemId].Cosine(pick)))
            .OrderByDescending(x => x.Similarity)
            .Take(2)
            .Select(x => (x.Liked.Verb, Name: names[x.Liked.ItemId]))
            .ToList();
        return nearest.Count switch
        {
            0 => "Close to what you like.",
            1 => $"Because you {nearest[0].Verb} {nearest[0].Name}.",
            _ when nearest[0].Verb == nearest[1].Verb => $"Because you {nearest[0].Verb} {nearest[0].Name} and {nearest[1].Name}.",
            _ => $"Because you {nearest[0].Verb} {nearest[0].Name} and {nearest[1].Verb} {nearest[1].Name}.",
        };
    }

    private static bool Fits(PickTitle title, Dictionary<MediaKind, int> quota, Dictionary<string, int> perCollection, string? previous) =>
        quota[title.Kind] > 0
        && (title.Collection is null
            || (perCollection.GetValueOrDefault(title.Collection) < MaxPerCollection && !string.Equals(title.Collection, previous, StringComparison.Ordinal)));

    private static List<(PickTitle Title, float Score)> Top(List<(PickTitle Title, float Score)> scored, int count)
    {
        if (scored.Count > count)
        {
            // Partial selection: the count-th best score, then everything at or above it.
            var scores = scored.Select(s => s.Score).ToArray();
            Array.Sort(scores);
            var threshold = scores[^count];
            scored = scored.Where(s => s.Score >= threshold).ToList();
        }

        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Title.Name, StringComparer.Ordinal).Take(count).ToList();
    }
}
