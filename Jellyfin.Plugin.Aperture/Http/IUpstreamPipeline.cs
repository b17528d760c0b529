using System.Threading;
using System.Threading.Tasks;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// The one road every upstream call takes: budget (rate limit, daily quota, priority lanes), resilience
/// (timeout, retry honouring Retry-After, circuit breaker), the HTTP call, classification, health and redacted
/// logs.
/// </summary>
public interface IUpstreamPipeline
{
    /// <summary>
    /// Sends a request and classifies the answer. Upstream failures come back as an outcome, not an exception;
    /// only cancellation throws.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The classified response.</returns>
    Task<UpstreamResponse> SendAsync(UpstreamRequest request, CancellationToken cancellationToken);
}
