using System;
using System.Collections.Generic;
using System.Globalization;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// Finds the library item a Trakt rating belongs to by any id both know (IMDb, TMDb, TVDB, Trakt), because Trakt
/// and Jellyfin rarely hold the same set of ids. Ratings of titles not in the library match nothing and are left
/// alone.
/// </summary>
public sealed class RatingKeyMatcher
{
    private readonly Dictionary<string, RatingKey> _byId = new(StringComparer.Ordinal);

    /// <summary>
    /// Initializes a new instance of the <see cref="RatingKeyMatcher"/> class.
    /// </summary>
    /// <param name="library">The library items.</param>
    public RatingKeyMatcher(IEnumerable<LocalRating> library)
    {
        ArgumentNullException.ThrowIfNull(library);
        foreach (var item in library)
        {
            if (item.Key is not { } key)
            {
                continue;
            }

            foreach (var id in IdsOf(item.Kind, item.Ids))
            {
                _byId.TryAdd(id, key);
            }
        }
    }

    /// <summary>
    /// Gets the key of the library item a Trakt item matches, or null.
    /// </summary>
    /// <param name="kind">Movie or show.</param>
    /// <param name="ids">Trakt's ids.</param>
    /// <returns>The library key, or null.</returns>
    public RatingKey? Match(RatingKind kind, TraktIds ids)
    {
        foreach (var id in IdsOf(kind, ids))
        {
            if (_byId.TryGetValue(id, out var key))
            {
                return key;
            }
        }

        return null;
    }

    // IMDb first: it names one title on both sides; TMDb and TVDB numbers are only unique per kind.
    private static IEnumerable<string> IdsOf(RatingKind kind, TraktIds ids)
    {
        var prefix = kind == RatingKind.Movie ? "movie:" : "show:";
        if (!string.IsNullOrWhiteSpace(ids.Imdb))
        {
            yield return prefix + "imdb:" + ids.Imdb.Trim().ToLowerInvariant();
        }

        if (ids.Tmdb is { } tmdb)
        {
            yield return prefix + "tmdb:" + tmdb.ToString(CultureInfo.InvariantCulture);
        }

        if (ids.Tvdb is { } tvdb)
        {
            yield return prefix + "tvdb:" + tvdb.ToString(CultureInfo.InvariantCulture);
        }

        if (ids.Trakt is { } trakt)
        {
            yield return prefix + "trakt:" + trakt.ToString(CultureInfo.InvariantCulture);
        }
    }
}
