using System;

namespace Aperture.Emulators;

/// <summary>One title on a user's Trakt watchlist or in their recommendations, as the Trakt emulator holds it.</summary>
/// <param name="Type">"movie" or "show".</param>
/// <param name="Title">The title.</param>
/// <param name="Year">The year.</param>
/// <param name="Tmdb">The TMDb id.</param>
/// <param name="Imdb">The IMDb id.</param>
/// <param name="Tvdb">The TVDB id.</param>
public sealed record TraktListedTitle(string Type, string Title, int? Year, long? Tmdb, string? Imdb = null, long? Tvdb = null)
{
    /// <summary>Gets Trakt's own id, assigned by the emulator when it is 0.</summary>
    public long Trakt { get; init; }

    /// <summary>Gets when the title was put on the watchlist.</summary>
    public DateTimeOffset ListedAt { get; init; }

    /// <summary>Tells whether this title and a set of ids name the same title (any shared id).</summary>
    /// <param name="type">"movie" or "show".</param>
    /// <param name="trakt">Trakt's id.</param>
    /// <param name="tmdb">The TMDb id.</param>
    /// <param name="imdb">The IMDb id.</param>
    /// <param name="tvdb">The TVDB id.</param>
    /// <returns>True when they match.</returns>
    public bool Matches(string type, long? trakt, long? tmdb, string? imdb, long? tvdb) =>
        Type == type
        && ((trakt is not null && trakt == Trakt)
            || (tmdb is not null && tmdb == Tmdb)
            || (imdb is not null && string.Equals(imdb, Imdb, StringComparison.OrdinalIgnoreCase))
            || (tvdb is not null && tvdb == Tvdb));
}
