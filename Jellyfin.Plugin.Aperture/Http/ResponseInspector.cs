using System;
using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// The checks every service shares, around its own classifier: a redirect is never data, a success that must be
/// JSON must parse, and a rate limit without a wait of its own takes the <c>Retry-After</c> header.
/// </summary>
internal static class ResponseInspector
{
    /// <summary>
    /// Classifies an answer.
    /// </summary>
    /// <param name="serviceName">The service's display name, for messages.</param>
    /// <param name="request">The request.</param>
    /// <param name="classifier">The service's classifier.</param>
    /// <param name="statusCode">The status code.</param>
    /// <param name="contentType">The body's media type.</param>
    /// <param name="body">The body.</param>
    /// <param name="headers">The headers.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The verdict.</returns>
    public static UpstreamClassification Classify(
        string serviceName,
        UpstreamRequest request,
        IUpstreamClassifier classifier,
        int statusCode,
        string? contentType,
        string body,
        HttpResponseHeaders headers,
        DateTimeOffset now)
    {
        var verdict = classifier.Classify(statusCode, contentType, body, headers, now);
        if (statusCode is >= 300 and < 400 && verdict.Outcome != UpstreamOutcome.BadResponse)
        {
            // AllowAutoRedirect is off so this is seen: an API does not redirect, a login page in front of it does.
            // A service that knows its redirects (Seerr behind a login portal) keeps its own advice.
            return new UpstreamClassification(
                UpstreamOutcome.BadResponse,
                $"{serviceName} answered with a redirect (HTTP {statusCode.ToString(CultureInfo.InvariantCulture)}) instead of data — is a proxy or login page in front of it?");
        }

        if (verdict.Outcome == UpstreamOutcome.Success && request.ExpectJson && !(statusCode == 204 && body.Length == 0) && !IsJson(body))
        {
            return new UpstreamClassification(UpstreamOutcome.BadResponse, serviceName + " " + NotJsonMessage(contentType, body));
        }

        if (verdict.Outcome == UpstreamOutcome.RateLimited && verdict.RetryAfter is null)
        {
            verdict = verdict with { RetryAfter = RetryAfter(headers, now) };
        }

        return verdict;
    }

    /// <summary>
    /// Reads <c>Retry-After</c>, given in seconds or as an HTTP date.
    /// </summary>
    /// <param name="headers">The headers.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The wait, or null when the header is absent.</returns>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// Reads <c>X-RateLimit-Limit</c>, <c>-Remaining</c> and <c>-Reset</c> (epoch seconds, or seconds from now
    /// when small).
    /// </summary>
    /// <param name="headers">The headers.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The limit, what is used and the reset, or null when the service did not say.</returns>
    public static (int Limit, int Used, DateTimeOffset? ResetAt)? QuotaHeaders(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (Number(headers, "X-RateLimit-Limit") is not { } limit || Number(headers, "X-RateLimit-Remaining") is not { } remaining || limit <= 0)
        {
            return null;
        }

        DateTimeOffset? reset = null;
        if (Number(headers, "X-RateLimit-Reset") is { } resetValue && resetValue > 0)
        {
            reset = resetValue > 1_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(resetValue) : now.AddSeconds(resetValue);
        }

        return ((int)Math.Min(limit, int.MaxValue), (int)Math.Clamp(limit - remaining, 0, int.MaxValue), reset);
    }

    private static long? Number(HttpResponseHeaders headers, string name) => HeaderNumber.Read(headers, name);

    private static bool IsJson(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string NotJsonMessage(string? contentType, string body)
    {
        var start = body.TrimStart();
        var isHtml = (contentType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? false)
            || start.StartsWith('<');
        if (isHtml)
        {
            return "answered with an HTML page instead of data — is a proxy or login page in front of it?";
        }

        return start.Length == 0
            ? "answered with an empty body where data was expected"
            : "answered with something that is not valid JSON (cut off or garbled)";
    }
}
