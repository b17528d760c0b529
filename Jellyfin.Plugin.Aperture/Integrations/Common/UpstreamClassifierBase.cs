using System;
using System.Globalization;
using System.Net.Http.Headers;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Integrations.Common;

/// <summary>
/// The part of classification every service shares: redirects, web pages, 401/403, 404, 408, 429 and 5xx.
/// A service classifier reads its own error bodies first and falls back to this for everything it does not
/// recognise.
/// </summary>
public abstract class UpstreamClassifierBase : IUpstreamClassifier
{
    /// <summary>
    /// Initializes a new instance of the <see cref="UpstreamClassifierBase"/> class.
    /// </summary>
    /// <param name="serviceName">The display name used in messages.</param>
    protected UpstreamClassifierBase(string serviceName)
    {
        ServiceName = serviceName;
    }

    /// <summary>Gets the display name used in messages.</summary>
    protected string ServiceName { get; }

    /// <summary>Gets the message for a refused key: what is wrong and what to do.</summary>
    protected abstract string AuthenticationMessage { get; }

    /// <inheritdoc />
    public UpstreamClassification Classify(int statusCode, string? contentType, string body, HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var answer = new UpstreamAnswer(statusCode, contentType, body ?? string.Empty, headers, now);
        return ClassifyService(answer) ?? ClassifyCommon(answer);
    }

    /// <summary>
    /// Reads what only this service says (error codes in bodies, special status codes).
    /// </summary>
    /// <param name="answer">The answer.</param>
    /// <returns>The verdict, or null to use the shared rules.</returns>
    protected abstract UpstreamClassification? ClassifyService(UpstreamAnswer answer);

    /// <summary>
    /// Applies the rules every service shares.
    /// </summary>
    /// <param name="answer">The answer.</param>
    /// <returns>The verdict.</returns>
    protected UpstreamClassification ClassifyCommon(UpstreamAnswer answer)
    {
        var status = answer.StatusCode;
        if (answer.IsSuccessStatus)
        {
            return answer.IsHtml ? WebPage(answer) : new UpstreamClassification(UpstreamOutcome.Success, $"{ServiceName} answered.");
        }

        if (answer.IsRedirect)
        {
            return new UpstreamClassification(
                UpstreamOutcome.BadResponse,
                $"{ServiceName} redirected the request (HTTP {Code(status)}) instead of answering: check the base URL, and that no login page or proxy sits in front of the service.");
        }

        return status switch
        {
            401 or 403 => new UpstreamClassification(UpstreamOutcome.Authentication, AuthenticationMessage),
            404 => new UpstreamClassification(UpstreamOutcome.NotFound, $"{ServiceName} has no such item (HTTP 404)."),
            408 => Outage(answer, $"{ServiceName} timed out (HTTP 408); Aperture will try again later."),
            429 => RateLimited(answer, $"{ServiceName} asked Aperture to slow down (HTTP 429); requests wait and continue."),
            >= 500 => Outage(answer, answer.IsHtml
                ? $"{ServiceName} or a proxy in front of it answered with an error page (HTTP {Code(status)}); Aperture will try again later."
                : $"{ServiceName} is having problems (HTTP {Code(status)}); Aperture will try again later."),
            _ => new UpstreamClassification(UpstreamOutcome.BadResponse, $"{ServiceName} refused the request (HTTP {Code(status)})."),
        };
    }

    /// <summary>
    /// Builds a rate-limit verdict carrying the service's Retry-After.
    /// </summary>
    /// <param name="answer">The answer.</param>
    /// <param name="message">The message.</param>
    /// <returns>The verdict.</returns>
    protected static UpstreamClassification RateLimited(UpstreamAnswer answer, string message) =>
        new(UpstreamOutcome.RateLimited, message, answer.RetryAfter);

    /// <summary>
    /// Builds an outage verdict carrying the service's Retry-After, if it sent one.
    /// </summary>
    /// <param name="answer">The answer.</param>
    /// <param name="message">The message.</param>
    /// <returns>The verdict.</returns>
    protected static UpstreamClassification Outage(UpstreamAnswer answer, string message) =>
        new(UpstreamOutcome.Outage, message, answer.RetryAfter);

    /// <summary>
    /// Builds a daily-quota verdict that resets at the next midnight UTC.
    /// </summary>
    /// <param name="answer">The answer.</param>
    /// <param name="message">The message.</param>
    /// <returns>The verdict.</returns>
    protected static UpstreamClassification DailyQuota(UpstreamAnswer answer, string message)
    {
        var reset = UtcDay.NextMidnight(answer.Now);
        return new(UpstreamOutcome.QuotaExhausted, message, reset - answer.Now, reset);
    }

    /// <summary>
    /// Builds the verdict for a web page where data was expected.
    /// </summary>
    /// <param name="answer">The answer.</param>
    /// <returns>The verdict.</returns>
    protected virtual UpstreamClassification WebPage(UpstreamAnswer answer) => new(
        UpstreamOutcome.BadResponse,
        $"{ServiceName} answered with a web page instead of data (HTTP {Code(answer.StatusCode)}): check the base URL, and that no login page or proxy sits in front of the service.");

    /// <summary>
    /// Formats a status code for a message.
    /// </summary>
    /// <param name="status">The status code.</param>
    /// <returns>The code as invariant text.</returns>
    protected static string Code(int status) => status.ToString(CultureInfo.InvariantCulture);
}
