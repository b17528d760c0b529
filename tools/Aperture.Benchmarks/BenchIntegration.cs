using System;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;

namespace Aperture.Benchmarks;

/// <summary>A service with given limits whose classifier reads status codes.</summary>
internal sealed class BenchIntegration : IIntegration, IUpstreamClassifier
{
    public BenchIntegration(string id, IntegrationLimits limits) =>
        Descriptor = new IntegrationDescriptor(id, id, 1, IntegrationPriority.Optional, "benchmark", [], [], null, limits, [], new Uri("https://example.invalid/"));

    public IntegrationDescriptor Descriptor { get; }

    public IUpstreamClassifier Classifier => this;

    public Task<ConnectionTestResult> TestConnectionAsync(IntegrationTarget target, CancellationToken cancellationToken) => throw new NotSupportedException();

    public UpstreamClassification Classify(int statusCode, string? contentType, string body, HttpResponseHeaders headers, DateTimeOffset now) => statusCode switch
    {
        200 => new(UpstreamOutcome.Success, "ok"),
        429 => new(UpstreamOutcome.RateLimited, "over the limit"),
        _ => new(UpstreamOutcome.Outage, "HTTP " + statusCode),
    };
}
