using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Health;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;

namespace Jellyfin.Plugin.Aperture.Tests.Core;

/// <summary>
/// An integration whose connection test answers what the test sets, recording each outcome through the health
/// recorder the way the pipeline does.
/// </summary>
public sealed class FakeIntegration : IIntegration, IUpstreamClassifier
{
    public const string Id = "fake";

    public IntegrationDescriptor Descriptor { get; } = new(
        Id,
        "Fake service",
        99,
        IntegrationPriority.Optional,
        "Used by tests.",
        new[] { new CredentialField("apiKey", "API key", true, "Any text.") },
        new[] { new OptionField("model", "Model", "A model name.", "default-model") },
        new Uri("http://127.0.0.1:9/"),
        new IntegrationLimits(10, TimeSpan.FromSeconds(1), 0, 0, 1, TimeSpan.FromSeconds(5)),
        new[] { "Fake scores" },
        new Uri("https://example.invalid/signup"));

    public IUpstreamClassifier Classifier => this;

    public IHealthRecorder? Recorder { get; set; }

    public UpstreamResponse NextAnswer { get; set; } = new() { Outcome = UpstreamOutcome.Success, Message = "OK" };

    public List<IntegrationTarget> Targets { get; } = new();

    public UpstreamClassification Classify(int statusCode, string? contentType, string body, System.Net.Http.Headers.HttpResponseHeaders headers, DateTimeOffset now) =>
        new(statusCode < 300 ? UpstreamOutcome.Success : UpstreamOutcome.Outage, "status " + statusCode);

    public Task<ConnectionTestResult> TestConnectionAsync(IntegrationTarget target, CancellationToken cancellationToken)
    {
        Targets.Add(target);
        Recorder?.Record(Id, NextAnswer, isConnectionTest: true, target.IsCandidate);
        return Task.FromResult(new ConnectionTestResult(NextAnswer.Outcome, NextAnswer.Message, new Dictionary<string, string>()));
    }
}
