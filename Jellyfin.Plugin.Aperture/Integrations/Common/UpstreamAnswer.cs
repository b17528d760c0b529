using System;
using System.Net.Http.Headers;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Integrations.Common;

/// <summary>
/// One HTTP answer as a classifier sees it, with the facts every service reads the same way.
/// </summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ContentType">The media type of the body, if any.</param>
/// <param name="Body">The body text.</param>
/// <param name="Headers">The response headers.</param>
/// <param name="Now">The current time.</param>
public readonly record struct UpstreamAnswer(int StatusCode, string? ContentType, string Body, HttpResponseHeaders Headers, DateTimeOffset Now)
{
    /// <summary>Gets a value indicating whether the status is 2xx.</summary>
    public bool IsSuccessStatus => StatusCode is >= 200 and < 300;

    /// <summary>Gets a value indicating whether the status is 3xx (a redirect the client did not follow).</summary>
    public bool IsRedirect => StatusCode is >= 300 and < 400;

    /// <summary>
    /// Gets a value indicating whether the body is a web page: proxies, login portals and Cloudflare answer with
    /// HTML, and some send it without the right content type.
    /// </summary>
    public bool IsHtml =>
        (ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? false)
        || Body.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal);

    /// <summary>Gets the wait the service asked for in Retry-After, if any.</summary>
    public TimeSpan? RetryAfter => ResponseInspector.RetryAfter(Headers, Now);
}
