using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Integrations;

/// <summary>
/// The one small contract every integration folder implements. The registry, the admin API and the settings page
/// know nothing else about a service; adding a seventh one is a new folder and one registration line.
/// </summary>
public interface IIntegration
{
    /// <summary>Gets the integration's description, fields and default limits.</summary>
    IntegrationDescriptor Descriptor { get; }

    /// <summary>Gets the classifier that reads this service's answers (status codes and bodies).</summary>
    IUpstreamClassifier Classifier { get; }

    /// <summary>
    /// Proves that the given credentials work against the given endpoint. Calls go through the shared pipeline at
    /// interactive priority.
    /// </summary>
    /// <param name="target">Endpoint and credentials to test: the stored ones or a candidate not yet saved.</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>The result, with facts the test learned.</returns>
    Task<ConnectionTestResult> TestConnectionAsync(IntegrationTarget target, CancellationToken cancellationToken);
}
