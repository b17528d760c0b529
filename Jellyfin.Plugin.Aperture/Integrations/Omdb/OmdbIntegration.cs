using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Omdb;

/// <summary>
/// OMDb: proves a key by looking up a known title. OMDb checks the key before the title, so a wrong key is
/// refused even though the lookup itself is ordinary; the test costs one request of the daily quota.
/// </summary>
public sealed class OmdbIntegration : IIntegration
{
    /// <summary>The IMDb id the test looks up (The Empire Strikes Back).</summary>
    internal const string TestImdbId = "tt0080684";

    private readonly IUpstreamPipeline _pipeline;

    /// <summary>
    /// Initializes a new instance of the <see cref="OmdbIntegration"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    public OmdbIntegration(IUpstreamPipeline pipeline)
    {
        _pipeline = pipeline;
    }

    /// <inheritdoc />
    public IntegrationDescriptor Descriptor => OmdbDescriptor.Value;

    /// <inheritdoc />
    public IUpstreamClassifier Classifier { get; } = new OmdbClassifier();

    /// <inheritdoc />
    public async Task<ConnectionTestResult> TestConnectionAsync(IntegrationTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var key = target.Credentials.Get("apiKey");
        if (key is null)
        {
            return ConnectionTestResults.Missing("OMDb", "API key");
        }

        var path = $"?i={TestImdbId}&apikey={Uri.EscapeDataString(key)}";
        var response = await _pipeline.SendAsync(ConnectionTestCall.Create(IntegrationIds.Omdb, target, path), cancellationToken).ConfigureAwait(false);
        var details = new Dictionary<string, string> { ["Daily quota"] = "Not reported by OMDb; Aperture counts requests itself" };

        if (response.Outcome == UpstreamOutcome.NotFound)
        {
            // The key passed OMDb's check; only the test title is missing.
            return new ConnectionTestResult(UpstreamOutcome.Success, "OMDb accepted the key.", details, $"OMDb did not find the test title {TestImdbId}; lookups may be incomplete.");
        }

        if (!response.IsSuccess)
        {
            return ConnectionTestResults.Failed(response, details);
        }

        if (JsonBody.TryParseObject(response.Body) is not { } movie || movie.GetText("Title") is not { } title)
        {
            return ConnectionTestResults.Unreadable("OMDb", "a title record");
        }

        details["Test lookup"] = movie.GetText("Year") is { } year ? $"{title} ({year})" : title;
        return new ConnectionTestResult(UpstreamOutcome.Success, "OMDb accepted the key.", details);
    }
}
