using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Plugin.Aperture.Http;
using Jellyfin.Plugin.Aperture.Integrations.Common;

namespace Jellyfin.Plugin.Aperture.Integrations.MdbList;

/// <summary>
/// MDBList: proves a key with <c>GET user</c>, which also tells the account's tier and today's usage.
/// </summary>
public sealed class MdbListIntegration : IIntegration
{
    /// <summary>The share of the daily quota at which the test warns.</summary>
    internal const double WarningShare = 0.9;

    private readonly IUpstreamPipeline _pipeline;

    /// <summary>
    /// Initializes a new instance of the <see cref="MdbListIntegration"/> class.
    /// </summary>
    /// <param name="pipeline">The shared upstream pipeline.</param>
    public MdbListIntegration(IUpstreamPipeline pipeline)
    {
        _pipeline = pipeline;
    }

    /// <inheritdoc />
    public IntegrationDescriptor Descriptor => MdbListDescriptor.Value;

    /// <inheritdoc />
    public IUpstreamClassifier Classifier { get; } = new MdbListClassifier();

    /// <inheritdoc />
    public async Task<ConnectionTestResult> TestConnectionAsync(IntegrationTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var key = target.Credentials.Get("apiKey");
        if (key is null)
        {
            return ConnectionTestResults.Missing("MDBList", "API key");
        }

        var response = await _pipeline.SendAsync(
            ConnectionTestCall.Create(IntegrationIds.MdbList, target, "user?apikey=" + Uri.EscapeDataString(key)),
            cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return ConnectionTestResults.Failed(response);
        }

        if (JsonBody.TryParseObject(response.Body) is not { } user)
        {
            return ConnectionTestResults.Unreadable("MDBList", "an account record");
        }

        var details = new Dictionary<string, string>();
        if ((user.GetText("user_name") ?? user.GetText("username")) is { } name)
        {
            details["Account"] = name;
        }

        details["Tier"] = Tier(user);
        var used = user.GetInt64("api_requests_count");
        var limit = user.GetInt64("api_requests") ?? HeaderNumber.Read(response.Headers, "X-RateLimit-Limit");
        string? warning = null;
        if (used is { } u && limit is { } l and > 0)
        {
            details["Requests today"] = string.Create(CultureInfo.InvariantCulture, $"{u:N0} / {l:N0}");
            if (u >= l * WarningShare)
            {
                warning = string.Create(CultureInfo.InvariantCulture, $"MDBList requests today: {u:N0} of {l:N0} used; MDBList work pauses when they run out, until 00:00 UTC.");
            }
        }

        return new ConnectionTestResult(UpstreamOutcome.Success, "MDBList accepted the key.", details, warning);
    }

    private static string Tier(JsonElement user)
    {
        var patron = user.GetText("patron_status");
        if (!string.IsNullOrWhiteSpace(patron))
        {
            return patron;
        }

        return user.GetBoolean("is_supporter") == true ? "Supporter" : "Free";
    }
}
