using System;
using System.Globalization;
using System.Linq;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Trakt;

/// <summary>
/// Reads Trakt answers. Trakt speaks in status codes (420 account limit, 423 locked account, 426 VIP only: one user's
/// account limit, never an outage or a refused key), and
/// Cloudflare in front of it answers a blocked request with an HTML 403 that says nothing about the key.
/// </summary>
public sealed class TraktClassifier : UpstreamClassifierBase
{
    /// <summary>Initializes a new instance of the <see cref="TraktClassifier"/> class.</summary>
    public TraktClassifier()
        : base("Trakt")
    {
    }

    /// <inheritdoc />
    protected override string AuthenticationMessage =>
        "Trakt refused the app credentials or the user's sign-in: check the Client ID from your app at trakt.tv/oauth/applications, or connect the Trakt account again.";

    /// <inheritdoc />
    protected override UpstreamClassification? ClassifyService(UpstreamAnswer answer) => answer.StatusCode switch
    {
        403 when answer.IsHtml => new UpstreamClassification(
            UpstreamOutcome.BadResponse,
            "Trakt's firewall (Cloudflare) blocked the request before Trakt saw it. It does this to requests without a proper User-Agent or from a blocked address; the key was not checked. Try again later, and report it to Aperture if it persists."),
        403 => new UpstreamClassification(UpstreamOutcome.Authentication, "Trakt refused the Client ID: check it matches your app at trakt.tv/oauth/applications and that the app is approved."),
        // 420, 423 and 426 are about one user's account, not Trakt: that user's call is refused, nobody else's.
        420 => new UpstreamClassification(UpstreamOutcome.AccountLimit, OverLimit(answer)),
        423 => new UpstreamClassification(UpstreamOutcome.AccountLimit, Locked(answer)),
        426 => new UpstreamClassification(UpstreamOutcome.AccountLimit, "This Trakt feature needs a Trakt VIP account (HTTP 426): upgrade the account to VIP, or turn the feature off for this user."),
        // Trakt blocks every call for about 5 minutes after a limit is hit; Retry-After says how long exactly.
        429 => RateLimited(answer, "Trakt asked Aperture to slow down; Trakt pauses the account for a few minutes, then requests continue."),
        _ => null,
    };

    private static string Locked(UpstreamAnswer answer) =>
        answer.Headers.TryGetValues("X-Account-Deactivated", out var values) && values.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase))
            ? "The Trakt account is deactivated (HTTP 423): reactivate it on trakt.tv, then link Trakt again."
            : "The Trakt account is locked (HTTP 423): sign in on trakt.tv to unlock it; calls go through again once it is.";

    // Trakt names the limit it hit in X-Account-Limit (the allowed item count) when it says one.
    private static string OverLimit(UpstreamAnswer answer)
    {
        var limit = HeaderNumber.Read(answer.Headers, "X-Account-Limit");
        var count = limit is { } n ? " of " + n.ToString(CultureInfo.InvariantCulture) + " items" : string.Empty;
        return "The Trakt account is over its list or watchlist size limit" + count + " (HTTP 420): reads still work, this write was refused. Remove items on trakt.tv or upgrade to Trakt VIP.";
    }
}
