using System;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Omdb;

/// <summary>
/// Reads OMDb answers by their <c>Error</c> text: OMDb sends HTTP 401 both for a wrong key and for a spent daily
/// quota, and HTTP 200 for "not found" and its own transient failures.
/// </summary>
public sealed class OmdbClassifier : UpstreamClassifierBase
{
    /// <summary>Initializes a new instance of the <see cref="OmdbClassifier"/> class.</summary>
    public OmdbClassifier()
        : base("OMDb")
    {
    }

    /// <inheritdoc />
    protected override string AuthenticationMessage =>
        "OMDb refused the key: check you pasted the key from OMDb's email and opened the activation link in that email.";

    /// <inheritdoc />
    protected override UpstreamClassification? ClassifyService(UpstreamAnswer answer)
    {
        if (JsonBody.TryParseObject(answer.Body) is not { } root || root.GetBoolean("Response") != false)
        {
            return null;
        }

        var error = root.GetText("Error") ?? string.Empty;
        return error switch
        {
            "Invalid API key!" or "No API key provided." => new UpstreamClassification(UpstreamOutcome.Authentication, AuthenticationMessage),
            // OMDb's own daily limit comes as 401; a 429 with the same text is a short throttle (a proxy or OMDb's edge).
            "Request limit reached!" when answer.StatusCode == 429 => RateLimited(answer, "OMDb asked Aperture to slow down; requests wait and continue."),
            "Request limit reached!" => DailyQuota(answer, "OMDb's daily request limit for this key is used up; OMDb work pauses until it resets at 00:00 UTC. A patron key raises the limit."),
            "Incorrect IMDb ID." => new UpstreamClassification(UpstreamOutcome.NotFound, "OMDb does not know this IMDb id."),
            "Error getting data." => Outage(answer, "OMDb could not get its data right now; Aperture will try again later."),
            _ when error.EndsWith("not found!", StringComparison.OrdinalIgnoreCase) => new UpstreamClassification(UpstreamOutcome.NotFound, "OMDb has no such title."),
            // An unknown error text: trust the status code where it says something, else report it unread.
            _ when answer.IsSuccessStatus => new UpstreamClassification(UpstreamOutcome.BadResponse, "OMDb could not answer the request."),
            _ => null,
        };
    }
}
