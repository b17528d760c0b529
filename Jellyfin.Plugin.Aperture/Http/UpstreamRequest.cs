using System;
using System.Collections.Generic;
using System.Net.Http;
using Jellyfin.Plugin.Aperture.Integrations;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// One call to an upstream service, described so the pipeline can send it, retry it and log it safely.
/// </summary>
public sealed class UpstreamRequest
{
    /// <summary>Gets the integration id the call is for (selects the budget, classifier and health).</summary>
    public required string Service { get; init; }

    /// <summary>Gets the endpoint and credentials to use.</summary>
    public required IntegrationTarget Target { get; init; }

    /// <summary>Gets the HTTP method.</summary>
    public HttpMethod Method { get; init; } = HttpMethod.Get;

    /// <summary>
    /// Gets the path and query relative to the target base URL, without a leading slash
    /// (for example "movie/603?append_to_response=keywords").
    /// </summary>
    public required string Path { get; init; }

    /// <summary>Gets the JSON body for POST and PUT, or null.</summary>
    public string? JsonBody { get; init; }

    /// <summary>Gets extra request headers (auth headers included; they are never logged).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the lane the request waits in.</summary>
    public RequestPriority Priority { get; init; } = RequestPriority.Background;

    /// <summary>Gets a value indicating whether this is a write (counted against a separate write limit).</summary>
    public bool IsWrite { get; init; }

    /// <summary>
    /// Gets who the call is made for within the service (Trakt: the Jellyfin user id), or null for the service as a
    /// whole. A scoped call has a rate budget of its own (Trakt's limits are per user, so one user's 429 parks only that
    /// user), and an account-limit answer or a successful write is recorded against that scope.
    /// </summary>
    public string? Scope { get; init; }

    /// <summary>Gets a value indicating whether the answer must be JSON (anything else is a bad response).</summary>
    public bool ExpectJson { get; init; } = true;

    /// <summary>Gets a value indicating whether this is a connection test (recorded as such in the health).</summary>
    public bool IsConnectionTest { get; init; }

    /// <summary>
    /// Gets the classifier for this one endpoint, or null for the service's own. Some endpoints answer with status
    /// codes that mean something else there (Trakt's device flow says "pending" with a 400 and "slow down" with a
    /// 429 that must not pause the whole service).
    /// </summary>
    public IUpstreamClassifier? Classifier { get; init; }

    /// <summary>Gets a short description for logs, e.g. "GET movie/{id}" (never holds a key).</summary>
    public string Operation => Method.Method + " " + RedactedPath;

    /// <summary>Gets the path with its query string removed, which is where keys are sent.</summary>
    public string RedactedPath
    {
        get
        {
            var query = Path.IndexOf('?', StringComparison.Ordinal);
            return query < 0 ? Path : Path[..query];
        }
    }

    /// <summary>
    /// Builds the absolute request URL.
    /// </summary>
    /// <returns>The URL.</returns>
    public Uri BuildUri()
    {
        var baseText = Target.BaseUrl.AbsoluteUri;
        if (!baseText.EndsWith('/'))
        {
            baseText += "/";
        }

        return new Uri(new Uri(baseText), Path.TrimStart('/'));
    }
}
