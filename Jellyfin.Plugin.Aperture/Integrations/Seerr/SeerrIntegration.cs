using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>
/// Seerr: proves the key with <c>GET auth/me</c>, which needs it. (Seerr's public endpoints answer any key, which
/// is how the original app "connected" with a wrong one.) The public <c>status</c> and <c>settings/public</c>
/// calls then add the version and the kind of server (Overseerr, Jellyseerr or Seerr).
/// </summary>
public sealed class SeerrIntegration : IIntegration
{
    private readonly IUpstreamPipeline _pipeline;

    /// <summary>
    /// Initializes a new instance of the <see cref="SeerrIntegration"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    public SeerrIntegration(IUpstreamPipeline pipeline)
    {
        _pipeline = pipeline;
    }

    /// <inheritdoc />
    public IntegrationDescriptor Descriptor => SeerrDescriptor.Value;

    /// <inheritdoc />
    public IUpstreamClassifier Classifier { get; } = new SeerrClassifier();

    /// <inheritdoc />
    public async Task<ConnectionTestResult> TestConnectionAsync(IntegrationTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var key = target.Credentials.Get("apiKey");
        if (key is null)
        {
            return ConnectionTestResults.Missing("Seerr", "API key");
        }

        var headers = new Dictionary<string, string> { ["X-Api-Key"] = key };
        var me = await _pipeline.SendAsync(
            ConnectionTestCall.Create(IntegrationIds.Seerr, target, SeerrApiPath.For(target.BaseUrl, "auth/me"), headers),
            cancellationToken).ConfigureAwait(false);
        if (!me.IsSuccess)
        {
            return ConnectionTestResults.Failed(me, message: FailureMessage(me, target.BaseUrl));
        }

        if (JsonBody.TryParseObject(me.Body) is not { } user || user.GetInt64("id") is null)
        {
            return ConnectionTestResults.Unreadable("Seerr", "its signed-in user");
        }

        var details = new Dictionary<string, string>();
        if ((user.GetText("displayName") ?? user.GetText("jellyfinUsername") ?? user.GetText("username")) is { } name)
        {
            details["Acting as"] = name;
        }

        string? warning = null;
        var permissions = user.GetInt64("permissions") ?? 0;
        if (!SeerrPermissions.CanRequestForOthers(permissions))
        {
            warning = "The API key acts as a Seerr user without Admin, Manage Users or Manage Requests permission, so Aperture cannot make requests for your Jellyfin users.";
        }

        var status = await _pipeline.SendAsync(
            ConnectionTestCall.Create(IntegrationIds.Seerr, target, SeerrApiPath.For(target.BaseUrl, "status")),
            cancellationToken).ConfigureAwait(false);
        var version = status.IsSuccess ? JsonBody.TryParseObject(status.Body)?.GetText("version") : null;
        if (version is not null)
        {
            details["Version"] = version;
        }

        // The kind decides how status values read (6 is "blocklisted" in Jellyseerr and Seerr, "deleted" in Overseerr).
        var settings = await _pipeline.SendAsync(
            ConnectionTestCall.Create(IntegrationIds.Seerr, target, SeerrApiPath.For(target.BaseUrl, "settings/public")),
            cancellationToken).ConfigureAwait(false);
        if (status.IsSuccess && settings.IsSuccess && JsonBody.TryParseObject(settings.Body) is { } publicSettings)
        {
            details["Server"] = SeerrServerKinds.Detect(version, publicSettings.GetText("mediaServerType") is not null).ToString();
        }

        return new ConnectionTestResult(UpstreamOutcome.Success, "Seerr accepted the API key.", details, warning);
    }

    private static string? FailureMessage(UpstreamResponse response, Uri baseUrl) => response.Outcome switch
    {
        UpstreamOutcome.NotFound => $"Nothing at {baseUrl.Authority} answers like Seerr: check the address and port (Seerr listens on 5055 by default).",
        UpstreamOutcome.Outage when response.StatusCode is null => $"Could not reach Seerr at {baseUrl.Authority}: check the address, the port and that Seerr is running. ({response.Message})",
        _ => null,
    };
}
