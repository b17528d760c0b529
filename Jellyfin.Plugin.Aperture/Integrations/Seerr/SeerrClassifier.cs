using System;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>
/// Reads Seerr answers. Seerr refuses a wrong key with 403 (not 401), and when a login portal or reverse proxy
/// sits in front of it the answer is a redirect or a web page instead of JSON.
/// </summary>
public sealed class SeerrClassifier : UpstreamClassifierBase
{
    /// <summary>The message for an answer that came from something in front of Seerr.</summary>
    internal const string ProxyMessage =
        "Seerr answered with a web page or a redirect: a reverse proxy or login page is in front of Seerr. Let Jellyfin's server reach Seerr directly (for example http://192.168.1.10:5055), or let the proxy pass it without logging in.";

    /// <summary>Initializes a new instance of the <see cref="SeerrClassifier"/> class.</summary>
    public SeerrClassifier()
        : base("Seerr")
    {
    }

    /// <inheritdoc />
    protected override string AuthenticationMessage =>
        "Seerr refused the API key: copy it from Seerr → Settings → General → API Key.";

    /// <inheritdoc />
    protected override UpstreamClassification? ClassifyService(UpstreamAnswer answer)
    {
        // A login portal (Authelia, Authentik, a proxy's basic auth) answers with a redirect or an HTML 401/403/407.
        if (answer.IsRedirect || (answer.IsHtml && answer.StatusCode is 401 or 403 or 407))
        {
            return new UpstreamClassification(UpstreamOutcome.BadResponse, ProxyMessage);
        }

        // Seerr also answers 403 when a user's request quota is spent; that is not a key problem.
        if (answer.StatusCode == 403
            && JsonBody.TryParseObject(answer.Body)?.GetText("message") is { } message
            && message.Contains("quota", StringComparison.OrdinalIgnoreCase))
        {
            return new UpstreamClassification(UpstreamOutcome.QuotaExhausted, "The Seerr user's request quota is used up: raise it in Seerr → Users, or wait for it to renew.");
        }

        // A request Seerr refuses for the user (permission, blocklist) is 403 with a "message"; a bad key is 403 with an
        // "error". Only the second is the key's fault.
        if (answer.StatusCode == 403 && !answer.IsHtml
            && JsonBody.TryParseObject(answer.Body) is { } refused
            && refused.GetText("message") is { } reason && refused.GetText("error") is null)
        {
            return new UpstreamClassification(UpstreamOutcome.BadResponse, "Seerr refused the request: " + reason);
        }

        if (answer.StatusCode == 409)
        {
            return new UpstreamClassification(UpstreamOutcome.BadResponse, "Seerr already has this request (HTTP 409).");
        }

        return null;
    }

    /// <inheritdoc />
    protected override UpstreamClassification WebPage(UpstreamAnswer answer) =>
        new(UpstreamOutcome.BadResponse, ProxyMessage);
}
