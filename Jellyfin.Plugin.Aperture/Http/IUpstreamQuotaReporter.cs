using System;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// Lets an integration tell the pipeline what the service said about its daily quota in a body
/// (MDBList <c>/user</c>: <c>api_requests</c> and <c>api_requests_count</c>), so the ledger follows the service.
/// </summary>
public interface IUpstreamQuotaReporter
{
    /// <summary>
    /// Records a service's daily limit and today's use. A spent quota parks the service until the reset.
    /// </summary>
    /// <param name="service">The integration id.</param>
    /// <param name="limit">Requests allowed per day.</param>
    /// <param name="used">Requests used today.</param>
    /// <param name="resetAt">When the quota resets; the next 00:00 UTC when null.</param>
    void ReportQuota(string service, int limit, int used, DateTimeOffset? resetAt = null);
}
