using System;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;

namespace Jellyfin.Plugin.Aperture.Tests.Http;

/// <summary>An integration whose classifier reads only status codes (plus an echo for the redaction test).</summary>
public sealed class TestIntegration : IIntegration
{
    public TestIntegration(string id, IntegrationLimits limits)
    {
        Descriptor = new IntegrationDescriptor(
            id, "Test " + id, 1, IntegrationPriority.Optional, "tests", [], [], null, limits, [], new Uri("https://example.invalid/"));
    }

    public IntegrationDescriptor Descriptor { get; }

    public IUpstreamClassifier Classifier { get; } = new StatusClassifier();

    public Task<ConnectionTestResult> TestConnectionAsync(IntegrationTarget target, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    private sealed class StatusClassifier : IUpstreamClassifier
    {
        public UpstreamClassification Classify(int statusCode, string? contentType, string body, HttpResponseHeaders headers, DateTimeOffset now) =>
            statusCode switch
            {
                // Knows nothing of redirects, so the pipeline's own redirect rule is what a test sees.
                >= 200 and < 400 => new(UpstreamOutcome.Success, "ok"),
                404 => new(UpstreamOutcome.NotFound, "not found"),
                401 or 403 => new(UpstreamOutcome.Authentication, "key refused"),
                402 => new(UpstreamOutcome.QuotaExhausted, "quota spent"),
                429 => new(UpstreamOutcome.RateLimited, "slow down"),
                >= 500 => new(UpstreamOutcome.Outage, "server error: " + body),
                _ => new(UpstreamOutcome.BadResponse, "unexpected HTTP " + statusCode),
            };
    }
}
