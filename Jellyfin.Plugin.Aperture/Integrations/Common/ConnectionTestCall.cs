using System.Collections.Generic;
using System.Net.Http;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Integrations.Common;

/// <summary>
/// Builds the requests connection tests send: interactive (served ahead of background work) and marked as a test
/// so the health record treats them as such.
/// </summary>
internal static class ConnectionTestCall
{
    /// <summary>
    /// Builds a connection-test request.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="target">Endpoint and credentials under test.</param>
    /// <param name="path">Path and query relative to the target's base URL.</param>
    /// <param name="headers">Extra headers, auth included.</param>
    /// <param name="method">The method; GET when null.</param>
    /// <param name="jsonBody">A JSON body, or null.</param>
    /// <returns>The request.</returns>
    public static UpstreamRequest Create(
        string service,
        IntegrationTarget target,
        string path,
        IReadOnlyDictionary<string, string>? headers = null,
        HttpMethod? method = null,
        string? jsonBody = null) =>
        SourceCall.Create(service, target, path, RequestPriority.Interactive, headers, method, jsonBody, isConnectionTest: true);
}
