using System;
using System.Net.Http.Headers;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// Reads one service's answers: status code, headers and body. Services say the same thing in different ways
/// (OMDb reports a spent quota as HTTP 401, Seerr a bad key as 403, MDBList a limit inside a 200), so each
/// integration supplies its own.
/// </summary>
public interface IUpstreamClassifier
{
    /// <summary>
    /// Classifies an answer that arrived.
    /// </summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="contentType">The media type of the body, if any.</param>
    /// <param name="body">The body text.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="now">The current time, for resets given as durations.</param>
    /// <returns>The verdict.</returns>
    UpstreamClassification Classify(int statusCode, string? contentType, string body, HttpResponseHeaders headers, DateTimeOffset now);
}
