using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.Enrichment;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>
/// Turns a complete list read and the library into a collection plan: titles matched by IMDb, TMDb or TVDB id, kept
/// in the list's order up to the maximum; members Aperture did not add are never removed.
/// </summary>
public static class TopPicksPlanner
{
    /// <summary>
    /// Plans one list's collection.
    /// </summary>
    /// <param name="choice">The list and its options.</param>
    /// <param name="items">The list's titles of the chosen kind, in rank order (a complete read).</param>
    /// <param name="library">The library's items (any kind; only the chosen kind is matched).</param>
    /// <param name="members">The collection's members now, in their order (empty when it does not exist yet).</param>
    /// <param name="addedByAperture">The members Aperture put there.</param>
    /// <returns>The plan.</returns>
    public static TopPicksPlan Plan(
        TopPicksListChoice choice,
        IReadOnlyList<MdbListListItem> items,
        IReadOnlyList<LibraryItem> library,
        IReadOnlyList<Guid> members,
        IReadOnlySet<Guid> addedByAperture)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(addedByAperture);
        var kind = choice.Kind == Discovery.MissingTitle.Show ? MediaKind.Series : MediaKind.Movie;
        var index = new LibraryIndex(library.Where(i => i.Kind == kind));

        var wanted = new List<Guid>();
        var seen = new HashSet<Guid>();
        var missing = new List<MissingTitle>();
        var titles = 0;
        var inLibrary = 0;
        foreach (var item in items)
        {
            var matches = index.Find(item);
            if (matches.Count == 0)
            {
                missing.Add(new MissingTitle(choice.Kind, item.Title, item.Year, item.Imdb, item.Tmdb, item.Tvdb, item.Rank));
                continue;
            }

            inLibrary++;
            if (titles >= choice.MaxItems)
            {
                continue;
            }

            // A title held twice (two libraries, two versions) brings every copy, counted once toward the maximum.
            var added = false;
            foreach (var match in matches.Where(seen.Add))
            {
                wanted.Add(match);
                added = true;
            }

            titles += added ? 1 : 0;
        }

        var current = members.ToHashSet();
        var toAdd = wanted.Where(id => !current.Contains(id)).ToList();
        var toRemove = members.Where(id => addedByAperture.Contains(id) && !seen.Contains(id)).ToList();
        var handAdded = members.Where(id => !addedByAperture.Contains(id) && !seen.Contains(id));
        return new TopPicksPlan(wanted.Concat(handAdded).ToList(), wanted, toAdd, toRemove, missing, inLibrary);
    }

    private sealed class LibraryIndex
    {
        private readonly Dictionary<string, List<Guid>> _byImdb = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<long, List<Guid>> _byTmdb = new();
        private readonly Dictionary<long, List<Guid>> _byTvdb = new();

        public LibraryIndex(IEnumerable<LibraryItem> items)
        {
            foreach (var item in items)
            {
                if (!string.IsNullOrWhiteSpace(item.ImdbId))
                {
                    Add(_byImdb, item.ImdbId.Trim(), item.Id);
                }

                if (long.TryParse(item.TmdbId, NumberStyles.None, CultureInfo.InvariantCulture, out var tmdb) && tmdb > 0)
                {
                    Add(_byTmdb, tmdb, item.Id);
                }

                if (long.TryParse(item.TvdbId, NumberStyles.None, CultureInfo.InvariantCulture, out var tvdb) && tvdb > 0)
                {
                    Add(_byTvdb, tvdb, item.Id);
                }
            }
        }

        public List<Guid> Find(MdbListListItem item)
        {
            var found = new List<Guid>();
            if (item.Imdb is { } imdb && _byImdb.TryGetValue(imdb, out var a))
            {
                found.AddRange(a);
            }

            if (item.Tmdb is { } tmdb && _byTmdb.TryGetValue(tmdb, out var b))
            {
                found.AddRange(b);
            }

            if (item.Tvdb is { } tvdb && _byTvdb.TryGetValue(tvdb, out var c))
            {
                found.AddRange(c);
            }

            return found.Distinct().ToList();
        }

        private static void Add<TKey>(Dictionary<TKey, List<Guid>> index, TKey key, Guid id)
            where TKey : notnull
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            list.Add(id);
        }
    }
}
