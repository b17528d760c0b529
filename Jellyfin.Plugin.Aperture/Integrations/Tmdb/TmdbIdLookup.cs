using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Integrations.Tmdb;

/// <summary>
/// A title's TMDb id, or why there is none.
/// </summary>
/// <param name="TmdbId">The id, when known or found.</param>
/// <param name="Failure">The failed answer of the find call, when it failed (null when TMDb simply has no match).</param>
/// <param name="Requests">How many requests finding the id cost (0 when the item had one).</param>
internal sealed record TmdbIdLookup(string? TmdbId, UpstreamResponse? Failure, int Requests);
