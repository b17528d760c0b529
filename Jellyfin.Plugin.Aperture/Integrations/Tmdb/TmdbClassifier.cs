using System;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Tmdb;

/// <summary>
/// Reads TMDb answers. TMDb puts its reason in the body's <c>status_code</c>, which is more precise than the
/// HTTP status (a suspended key and a wrong key are both 401).
/// </summary>
public sealed class TmdbClassifier : UpstreamClassifierBase
{
    /// <summary>Initializes a new instance of the <see cref="TmdbClassifier"/> class.</summary>
    public TmdbClassifier()
        : base("TMDb")
    {
    }

    /// <inheritdoc />
    protected override string AuthenticationMessage =>
        "TMDb refused the key: check you pasted the v3 API key or the API Read Access Token from themoviedb.org → Settings → API.";

    /// <inheritdoc />
    protected override UpstreamClassification? ClassifyService(UpstreamAnswer answer)
    {
        if (answer.IsSuccessStatus)
        {
            return null;
        }

        var code = JsonBody.TryParseObject(answer.Body)?.GetInt64("status_code");
        if (answer.StatusCode == 429 || code == 25)
        {
            // TMDb sometimes asks for a 0-second wait; wait at least a second so the retry is not refused at once.
            return new UpstreamClassification(UpstreamOutcome.RateLimited, "TMDb asked Aperture to slow down; requests wait and continue.", AtLeastOneSecond(answer.RetryAfter));
        }

        return code switch
        {
            6 or 34 => new UpstreamClassification(UpstreamOutcome.NotFound, "TMDb has no such item."),
            10 => new UpstreamClassification(UpstreamOutcome.Authentication, "TMDb has suspended this key: create a new key at themoviedb.org → Settings → API, or contact TMDb."),
            3 or 7 or 14 or (>= 30 and <= 36) => new UpstreamClassification(UpstreamOutcome.Authentication, AuthenticationMessage),
            46 => Outage(answer, "TMDb is down for maintenance; Aperture will try again later."),
            9 or 11 or 15 or 24 or 43 => Outage(answer, "TMDb is having problems (its service is offline or timing out); Aperture will try again later."),
            _ => null,
        };
    }

    private static TimeSpan AtLeastOneSecond(TimeSpan? wait) =>
        wait is { } w && w > TimeSpan.FromSeconds(1) ? w : TimeSpan.FromSeconds(1);
}
