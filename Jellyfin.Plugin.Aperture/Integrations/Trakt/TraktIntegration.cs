using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Trakt;

/// <summary>
/// Trakt: proves the app's Client ID by asking for a device code, the one app-level call that Trakt refuses for an
/// unknown client. The code is thrown away (it expires unused); no user sign-in is started.
/// </summary>
public sealed class TraktIntegration : IIntegration
{
    private readonly IUpstreamPipeline _pipeline;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktIntegration"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    public TraktIntegration(IUpstreamPipeline pipeline)
    {
        _pipeline = pipeline;
    }

    /// <inheritdoc />
    public IntegrationDescriptor Descriptor => TraktDescriptor.Value;

    /// <inheritdoc />
    public IUpstreamClassifier Classifier { get; } = new TraktClassifier();

    /// <inheritdoc />
    public async Task<ConnectionTestResult> TestConnectionAsync(IntegrationTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var clientId = target.Credentials.Get("clientId");
        if (clientId is null)
        {
            return ConnectionTestResults.Missing("Trakt", "Client ID");
        }

        if (target.Credentials.Get("clientSecret") is null)
        {
            return ConnectionTestResults.Missing("Trakt", "Client secret");
        }

        var oauth = target with { BaseUrl = TraktHosts.OAuthBase(target.BaseUrl) };
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["client_id"] = clientId });
        var request = ConnectionTestCall.Create(IntegrationIds.Trakt, oauth, "oauth/device/code", TraktHeaders.ForApp(clientId), HttpMethod.Post, body);
        var response = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var details = new Dictionary<string, string> { ["OAuth host"] = oauth.BaseUrl.Host };

        if (!response.IsSuccess)
        {
            return ConnectionTestResults.Failed(response, details);
        }

        // Only the shape is checked: the device and user codes are not read, kept or shown.
        if (JsonBody.TryParseObject(response.Body) is not { } answer || answer.GetText("device_code") is null)
        {
            return ConnectionTestResults.Unreadable("Trakt", "a device code");
        }

        details["Client ID"] = "Accepted";
        details["Client secret"] = "Checked when a user connects their Trakt account (Trakt verifies it only then)";
        return new ConnectionTestResult(UpstreamOutcome.Success, "Trakt accepted the Client ID. Users can now connect their Trakt accounts.", details);
    }
}
