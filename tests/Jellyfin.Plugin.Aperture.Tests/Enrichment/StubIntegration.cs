using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

/// <summary>An integration with a given id (tmdb, mdblist, omdb) so credentials can be stored for it.</summary>
public sealed class StubIntegration(string id) : IIntegration, IUpstreamClassifier
{
    public IntegrationDescriptor Descriptor { get; } = new(
        id,
        id,
        id.Length,
        IntegrationPriority.Optional,
        "Used by tests.",
        new[] { new CredentialField("apiKey", "API key", true, "Any text.") },
        Array.Empty<OptionField>(),
        new Uri("http://127.0.0.1:9/"),
        new IntegrationLimits(10, TimeSpan.FromSeconds(1), 0, 0, 1, TimeSpan.FromSeconds(5)),
        Array.Empty<string>(),
        new Uri("https://example.invalid/signup"));

    public IUpstreamClassifier Classifier => this;

    public UpstreamClassification Classify(int statusCode, string? contentType, string body, System.Net.Http.Headers.HttpResponseHeaders headers, DateTimeOffset now) =>
        new(UpstreamOutcome.Success, "OK");

    public Task<ConnectionTestResult> TestConnectionAsync(IntegrationTarget target, CancellationToken cancellationToken) =>
        Task.FromResult(new ConnectionTestResult(UpstreamOutcome.Success, "OK", new Dictionary<string, string>()));
}
