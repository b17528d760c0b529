using System;
using System.Globalization;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// The stable key of a rated item in the snapshot, e.g. <c>movie:tmdb:603</c> or <c>show:tvdb:81189</c>. One id is
/// chosen in a fixed order (movies: TMDb, IMDb, Trakt; shows: TVDB, TMDb, IMDb, Trakt) so the same library item
/// always gets the same key; Trakt's answers are matched to it by any id they share.
/// </summary>
/// <param name="Value">The key text.</param>
public readonly record struct RatingKey(string Value)
{
    /// <summary>
    /// Gets the key of an item, or null when it has no id Trakt understands.
    /// </summary>
    /// <param name="kind">The item kind.</param>
    /// <param name="ids">Its ids.</param>
    /// <returns>The key, or null.</returns>
    public static RatingKey? For(RatingKind kind, TraktIds ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var prefix = kind == RatingKind.Movie ? "movie:" : "show:";
        if (kind == RatingKind.Show && ids.Tvdb is { } tvdb)
        {
            return new RatingKey(prefix + "tvdb:" + tvdb.ToString(CultureInfo.InvariantCulture));
        }

        if (ids.Tmdb is { } tmdb)
        {
            return new RatingKey(prefix + "tmdb:" + tmdb.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(ids.Imdb))
        {
            return new RatingKey(prefix + "imdb:" + ids.Imdb.Trim().ToLowerInvariant());
        }

        return ids.Trakt is { } trakt ? new RatingKey(prefix + "trakt:" + trakt.ToString(CultureInfo.InvariantCulture)) : null;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
