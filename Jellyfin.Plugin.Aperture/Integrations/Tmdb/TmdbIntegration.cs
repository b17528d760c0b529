using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Tmdb;

/// <summary>
/// TMDb: proves a key with <c>GET authentication</c>, TMDb's documented key validator, sending the key in the
/// form it was pasted in.
/// </summary>
public sealed class TmdbIntegration : IIntegration
{
    private readonly IUpstreamPipeline _pipeline;

    /// <summary>
    /// Initializes a new instance of the <see cref="TmdbIntegration"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    public TmdbIntegration(IUpstreamPipeline pipeline)
    {
        _pipeline = pipeline;
    }

    /// <inheritdoc />
    public IntegrationDescriptor Descriptor => TmdbDescriptor.Value;

    /// <inheritdoc />
    public IUpstreamClassifier Classifier { get; } = new TmdbClassifier();

    /// <inheritdoc />
    public async Task<ConnectionTestResult> TestConnectionAsync(IntegrationTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var key = target.Credentials.Get("apiKey");
        if (key is null)
        {
            return ConnectionTestResults.Missing("TMDb", "API key");
        }

        var kind = TmdbAuth.Detect(key);
        var details = new Dictionary<string, string> { ["Key type"] = TmdbAuth.Describe(kind) };
        var path = TmdbAuth.Authorize("authentication", key, out var headers);
        var response = await _pipeline.SendAsync(ConnectionTestCall.Create(IntegrationIds.Tmdb, target, path, headers), cancellationToken).ConfigureAwait(false);

        if (!response.IsSuccess)
        {
            return ConnectionTestResults.Failed(response, details, FailureMessage(response, kind));
        }

        if (JsonBody.TryParseObject(response.Body)?.GetBoolean("success") != true)
        {
            return ConnectionTestResults.Unreadable("TMDb", "a key check result");
        }

        return new ConnectionTestResult(UpstreamOutcome.Success, $"TMDb accepted the {TmdbAuth.Describe(kind)}.", details);
    }

    private static string? FailureMessage(UpstreamResponse response, TmdbKeyKind kind) => response.Outcome switch
    {
        UpstreamOutcome.Authentication when kind == TmdbKeyKind.Unknown =>
            response.Message + " What was entered is neither a 32-character v3 key nor a read access token starting with \"eyJ\".",
        UpstreamOutcome.NotFound => "TMDb has no key check at this address: check the base URL ends in /3 (https://api.themoviedb.org/3).",
        _ => null,
    };
}
