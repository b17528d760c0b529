using System;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.MdbList;

/// <summary>
/// Reads MDBList answers. MDBList has a daily quota and a 5-minute throttle, both answered with 429 (told apart by
/// how long Retry-After is), and still sends some limits as HTTP 200 with <c>"response": false</c>.
/// </summary>
public sealed class MdbListClassifier : UpstreamClassifierBase
{
    /// <summary>
    /// The longest wait that is still the short throttle; a longer one means "after the daily reset". MDBList's own
    /// plugin draws the line at 310 s (just over the 5-minute window).
    /// </summary>
    internal static readonly TimeSpan LongestThrottleWait = TimeSpan.FromSeconds(310);

    private const string QuotaMessage = "MDBList's daily request limit for this key is used up; MDBList work pauses until it resets (00:00 UTC). A supporter tier raises the limit.";
    private const string ThrottleMessage = "MDBList asked Aperture to slow down; requests wait and continue.";

    /// <summary>Initializes a new instance of the <see cref="MdbListClassifier"/> class.</summary>
    public MdbListClassifier()
        : base("MDBList")
    {
    }

    /// <inheritdoc />
    protected override string AuthenticationMessage =>
        "MDBList refused the key: copy the API key from mdblist.com → Preferences → API key.";

    /// <inheritdoc />
    protected override UpstreamClassification? ClassifyService(UpstreamAnswer answer)
    {
        // MDBList names its limits in the body, sometimes inside an HTTP 200; the text wins over the status.
        var root = JsonBody.TryParseObject(answer.Body);
        var error = root?.GetText("error");
        switch (error)
        {
            case "API Limit Reached!":
                return Quota(answer);
            case "API Rate Limit Reached!":
                return RateLimited(answer, ThrottleMessage);
            case not null when root?.GetBoolean("response") == false && answer.IsSuccessStatus:
                return error.Contains("key", StringComparison.OrdinalIgnoreCase)
                    ? new UpstreamClassification(UpstreamOutcome.Authentication, AuthenticationMessage)
                    : new UpstreamClassification(UpstreamOutcome.BadResponse, "MDBList could not answer the request.");
        }

        if (answer.StatusCode != 429)
        {
            return null;
        }

        var wait = answer.RetryAfter ?? ResetFromHeader(answer) - answer.Now;
        return wait > LongestThrottleWait ? Quota(answer) : RateLimited(answer, ThrottleMessage);
    }

    private static UpstreamClassification Quota(UpstreamAnswer answer)
    {
        // Prefer what MDBList says (X-RateLimit-Reset, then Retry-After); midnight UTC is its documented reset.
        var reset = ResetFromHeader(answer)
            ?? (answer.RetryAfter is { } wait ? answer.Now + wait : UtcDay.NextMidnight(answer.Now));
        return new UpstreamClassification(UpstreamOutcome.QuotaExhausted, QuotaMessage, reset - answer.Now, reset);
    }

    private static DateTimeOffset? ResetFromHeader(UpstreamAnswer answer) =>
        HeaderNumber.Read(answer.Headers, "X-RateLimit-Reset") is { } epoch and > 0 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : null;
}
