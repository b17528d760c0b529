using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Aperture.Emulators;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Integrations;

public sealed class AiConnectionTests : IClassFixture<EmulatorFixture<AiEmulator>>, IDisposable
{
    private readonly EmulatorFixture<AiEmulator> _fixture;
    private readonly WiredConnection _wired = new();

    public AiConnectionTests(EmulatorFixture<AiEmulator> fixture)
    {
        _fixture = fixture;
    }

    public void Dispose() => _wired.Dispose();

    [Theory]
    [InlineData(FaultMode.None, UpstreamOutcome.Success, "accepted the key")]
    [InlineData(FaultMode.BadKey, UpstreamOutcome.Authentication, "refused the API key")]
    [InlineData(FaultMode.RateLimited, UpstreamOutcome.RateLimited, "slow down")]
    [InlineData(FaultMode.QuotaExhausted, UpstreamOutcome.QuotaExhausted, "out of credits")]
    [InlineData(FaultMode.Outage, UpstreamOutcome.Outage, "try again later")]
    [InlineData(FaultMode.HtmlErrorPage, UpstreamOutcome.Outage, "error page")]
    [InlineData(FaultMode.MalformedBody, UpstreamOutcome.BadResponse, "not valid JSON")]
    public async Task EachWayTheProviderAnswersBecomesAnAdminReadableResult(FaultMode mode, UpstreamOutcome outcome, string message)
    {
        Arrange(mode, ollama: false);
        var key = _fixture.Emulator.ValidKey;

        var result = await _wired.TestAsync(IntegrationIds.Ai, _fixture.Saved(("apiKey", key)));

        ConnectionAssert.Result(result, outcome, message, key);
        ConnectionAssert.Alert(_wired, IntegrationIds.Ai, outcome, key);
    }

    [Fact]
    public async Task TheDefaultModelsAreFound()
    {
        Arrange(FaultMode.None, ollama: false);

        var result = await _wired.TestAsync(IntegrationIds.Ai, _fixture.Target(("apiKey", _fixture.Emulator.ValidKey)));

        Assert.True(result.Succeeded);
        Assert.Null(result.Warning);
        Assert.Equal("gpt-4o-mini (found)", result.Details["Chat model"]);
        Assert.Equal("text-embedding-3-small (found)", result.Details["Embedding model"]);
    }

    [Fact]
    public async Task AConfiguredModelTheProviderLacksIsAWarning()
    {
        Arrange(FaultMode.None, ollama: false);
        var target = _fixture.Target(("apiKey", _fixture.Emulator.ValidKey)) with
        {
            Options = new Dictionary<string, string> { ["chatModel"] = "gpt-9-imaginary" },
        };

        var result = await _wired.TestAsync(IntegrationIds.Ai, target);

        Assert.Equal(UpstreamOutcome.Success, result.Outcome);
        Assert.Contains("model gpt-9-imaginary not found on the provider", result.Warning, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("gpt-9-imaginary (not found)", result.Details["Chat model"]);
    }

    [Fact]
    public async Task AWrongKeyIsRefusedAndTheProvidersEchoOfItIsNotShown()
    {
        Arrange(FaultMode.None, ollama: false);

        var result = await _wired.TestAsync(IntegrationIds.Ai, _fixture.Target(("apiKey", "sk-wrong-key-123")));

        ConnectionAssert.Result(result, UpstreamOutcome.Authentication, "refused the API key", "sk-wrong-key-123", "sk-wrong");
    }

    [Fact]
    public async Task OllamaWithoutV1ModelsFallsBackToItsNativeModelListAndMatchesUntaggedNames()
    {
        Arrange(FaultMode.None, ollama: true);
        _fixture.Emulator.OllamaModels = ["llama3.1:8b", "nomic-embed-text:latest"];
        var target = _fixture.Target(("apiKey", "anything")) with
        {
            Options = new Dictionary<string, string> { ["chatModel"] = "llama3.1:8b", ["embeddingModel"] = "nomic-embed-text" },
        };

        var result = await _wired.TestAsync(IntegrationIds.Ai, target);

        Assert.Equal(UpstreamOutcome.Success, result.Outcome);
        Assert.Null(result.Warning);
        Assert.Equal("Ollama native (api/tags)", result.Details["API"]);
        Assert.Equal("nomic-embed-text (found)", result.Details["Embedding model"]);
        Assert.Equal("/api/tags", _fixture.Emulator.Requests.Last().Path);
    }

    private void Arrange(FaultMode mode, bool ollama)
    {
        _fixture.Arrange(mode);
        _fixture.Emulator.OllamaMode = ollama;
    }
}
