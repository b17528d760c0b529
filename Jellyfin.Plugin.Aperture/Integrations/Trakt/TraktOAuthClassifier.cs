using System;
using System.Net.Http.Headers;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Trakt;

/// <summary>
/// Reads the answers of Trakt's device-token poll and token refresh. There, 400/404/409/410/418/429 (and a 401 about
/// the user's grant) are answers about one user's sign-in, not faults of the service: they must not open an alert
/// for every admin, pause all Trakt calls (a device-flow 429 only means "poll less often") or be retried. They come
/// back as <see cref="UpstreamOutcome.NotFound"/> (a normal answer) with the status code for the caller to read;
/// everything else (a refused client secret, outages) is read as any Trakt call.
/// </summary>
internal sealed class TraktOAuthClassifier : IUpstreamClassifier
{
    private readonly TraktClassifier _service = new();

    /// <summary>Gets the shared instance (the classifier holds no state).</summary>
    public static TraktOAuthClassifier Instance { get; } = new();

    /// <inheritdoc />
    public UpstreamClassification Classify(int statusCode, string? contentType, string body, HttpResponseHeaders headers, DateTimeOffset now)
    {
        var userAnswer = statusCode switch
        {
            400 or 404 or 409 or 410 or 418 or 429 => true,

            // 401 invalid_client is the app's secret (an admin problem); any other 401 is about the user's grant.
            401 => !string.Equals(ErrorCode(body), "invalid_client", StringComparison.Ordinal),
            _ => false,
        };
        return userAnswer
            ? new UpstreamClassification(UpstreamOutcome.NotFound, "Trakt answered about this user's sign-in (HTTP " + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + ").")
            : _service.Classify(statusCode, contentType, body, headers, now);
    }

    /// <summary>
    /// Reads the OAuth <c>error</c> code of an answer.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <returns>The code, or null.</returns>
    public static string? ErrorCode(string? body) => JsonBody.TryParseObject(body)?.GetText("error");
}
