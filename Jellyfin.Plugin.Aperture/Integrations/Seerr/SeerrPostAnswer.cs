using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>Seerr's answer to a new request: the HTTP status tells created (201), duplicate (409) and refused (403) apart.</summary>
/// <param name="Outcome">The classified outcome.</param>
/// <param name="StatusCode">The HTTP status, when Seerr answered.</param>
/// <param name="Message">Seerr's own message, or the pipeline's.</param>
public sealed record SeerrPostAnswer(UpstreamOutcome Outcome, int? StatusCode, string Message);
