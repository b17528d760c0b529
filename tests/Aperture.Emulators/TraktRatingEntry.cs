using System;

namespace Aperture.Emulators;

/// <summary>One rating held by the Trakt emulator for one user.</summary>
/// <param name="Type">"movie" or "show".</param>
/// <param name="Tmdb">The TMDb id.</param>
/// <param name="Imdb">The IMDb id.</param>
/// <param name="Tvdb">The TVDB id.</param>
/// <param name="Rating">The rating 1–10.</param>
/// <param name="RatedAt">Trakt's <c>rated_at</c>.</param>
public sealed record TraktRatingEntry(string Type, long? Tmdb, string? Imdb, long? Tvdb, int Rating, DateTimeOffset RatedAt)
{
    /// <summary>Gets Trakt's own id, assigned by the emulator.</summary>
    public long Trakt { get; init; }

    /// <summary>Tells whether this entry and a set of ids name the same title (any shared id).</summary>
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
