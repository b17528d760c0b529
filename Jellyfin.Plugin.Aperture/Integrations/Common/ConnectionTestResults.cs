using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Integrations.Common;

/// <summary>Turns pipeline answers into the results an admin reads; shared by every connection test.</summary>
internal static class ConnectionTestResults
{
    /// <summary>
    /// Builds the result for a credential that is not filled in; nothing is sent.
    /// </summary>
    /// <param name="serviceName">The service's display name.</param>
    /// <param name="fieldLabel">The missing field's label.</param>
    /// <returns>The result.</returns>
    public static ConnectionTestResult Missing(string serviceName, string fieldLabel) => new(
        UpstreamOutcome.Authentication,
        $"Enter the {serviceName} {fieldLabel} before testing.",
        new Dictionary<string, string>());

    /// <summary>
    /// Builds the result for a failed call, adding the facts the answer carried (status, wait, reset).
    /// </summary>
    /// <param name="response">The failed response.</param>
    /// <param name="details">Facts learned so far, or null.</param>
    /// <param name="message">A message replacing the classifier's, or null to keep it.</param>
    /// <returns>The result.</returns>
    public static ConnectionTestResult Failed(UpstreamResponse response, Dictionary<string, string>? details = null, string? message = null)
    {
        details ??= new Dictionary<string, string>();
        if (response.StatusCode is { } status)
        {
            details["HTTP status"] = status.ToString(CultureInfo.InvariantCulture);
        }

        if (response.RetryAfter is { } wait)
        {
            details["Retry after"] = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s";
        }

        if (response.ResetAt is { } reset)
        {
            details["Resets at"] = reset.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        }

        return new ConnectionTestResult(response.Outcome, message ?? response.Message, details);
    }

    /// <summary>
    /// Builds the result for an answer that arrived as success but could not be read.
    /// </summary>
    /// <param name="serviceName">The service's display name.</param>
    /// <param name="what">What was expected, e.g. "a user record".</param>
    /// <returns>The result.</returns>
    public static ConnectionTestResult Unreadable(string serviceName, string what) => new(
        UpstreamOutcome.BadResponse,
        $"{serviceName} answered, but not with {what}: check the base URL points at the {serviceName} API.",
        new Dictionary<string, string>());
}
