using Jellyfin.Plugin.Aperture.Enrichment;

namespace Jellyfin.Plugin.Aperture.Integrations.Tmdb;

/// <summary>Where TMDb keeps movies and series apart: its paths and result lists differ by kind.</summary>
internal static class TmdbPaths
{
    /// <summary>
    /// Gets the details path segment of a kind.
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <returns>"movie" or "tv".</returns>
    public static string Details(MediaKind kind) => kind == MediaKind.Series ? "tv" : "movie";

    /// <summary>
    /// Gets the list of a <c>find</c> answer that holds this kind.
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <returns>"movie_results" or "tv_results".</returns>
    public static string FindResults(MediaKind kind) => kind == MediaKind.Series ? "tv_results" : "movie_results";
}
