using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Integrations.Trakt;

/// <summary>
/// What one OAuth call to Trakt came back with.
/// </summary>
/// <typeparam name="T">The data on success.</typeparam>
/// <param name="Outcome">The pipeline's outcome (device-flow and grant answers are <see cref="UpstreamOutcome.NotFound"/>).</param>
/// <param name="StatusCode">The HTTP status, when Trakt answered.</param>
/// <param name="Value">The data, on a readable success.</param>
/// <param name="Message">What happened, for a person (no secrets).</param>
/// <param name="Error">The OAuth <c>error</c> code Trakt sent, if any.</param>
public sealed record TraktOAuthAnswer<T>(UpstreamOutcome Outcome, int? StatusCode, T? Value, string Message, string? Error = null)
    where T : class;
