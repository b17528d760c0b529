using System.Collections.Generic;
using System.Net.Http;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Integrations.Common;

/// <summary>
/// Builds the requests and the data-less results the enrichment sources share: requests wait in the lane the
/// caller chose, and a source that cannot even send says why in words an admin can act on.
/// </summary>
internal static class SourceCall
{
    /// <summary>
    /// Builds a data request.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="target">The saved endpoint and credentials.</param>
    /// <param name="path">Path and query relative to the target's base URL.</param>
    /// <param name="priority">The lane the caller chose.</param>
    /// <param name="headers">Extra headers, auth included; never logged.</param>
    /// <param name="method">The method; GET when null.</param>
    /// <param name="jsonBody">A JSON body, or null.</param>
    /// <returns>The request.</returns>
    public static UpstreamRequest Create(
        string service,
        IntegrationTarget target,
        string path,
        RequestPriority priority,
        IReadOnlyDictionary<string, string>? headers = null,
        HttpMethod? method = null,
        string? jsonBody = null) => new()
        {
            Service = service,
            Target = target,
            Path = path,
            Priority = priority,
            Headers = headers ?? new Dictionary<string, string>(),
            Method = method ?? HttpMethod.Get,
            JsonBody = jsonBody,
        };

    /// <summary>
    /// Builds the result for a service whose key or URL is not saved; nothing is sent.
    /// </summary>
    /// <typeparam name="T">The data type.</typeparam>
    /// <param name="serviceName">The service's display name.</param>
    /// <returns>The result.</returns>
    public static SourceResult<T> NotConfigured<T>(string serviceName)
        where T : class => new(UpstreamOutcome.Authentication, null, $"{serviceName} is not set up: save its API key on the Aperture settings page.");

    /// <summary>
    /// Builds the result for a success answer whose body could not be read.
    /// </summary>
    /// <typeparam name="T">The data type.</typeparam>
    /// <param name="serviceName">The service's display name.</param>
    /// <param name="what">What was expected, e.g. "a title record".</param>
    /// <returns>The result.</returns>
    public static SourceResult<T> Unreadable<T>(string serviceName, string what)
        where T : class => new(UpstreamOutcome.BadResponse, null, $"{serviceName} answered, but not with {what}.");

    /// <summary>
    /// Builds the result for an item the service cannot be asked about; nothing is sent.
    /// </summary>
    /// <typeparam name="T">The data type.</typeparam>
    /// <param name="reason">Why, e.g. "no IMDb id".</param>
    /// <returns>The result, counted as "not found" so the item is not asked again until the not-found TTL.</returns>
    public static SourceResult<T> NoUsableId<T>(string reason)
        where T : class => new(UpstreamOutcome.NotFound, null, reason);
}
