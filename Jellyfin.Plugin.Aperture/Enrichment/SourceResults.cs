using System;
using Jellyfin.Plugin.Aperture.Http;

namespace Jellyfin.Plugin.Aperture.Enrichment;

/// <summary>Builds <see cref="SourceResult{T}"/> values.</summary>
public static class SourceResults
{
    /// <summary>
    /// Builds a successful result.
    /// </summary>
    /// <typeparam name="T">The data type.</typeparam>
    /// <param name="value">The data.</param>
    /// <returns>The result.</returns>
    public static SourceResult<T> Found<T>(T value)
        where T : class => new(UpstreamOutcome.Success, value, "OK");

    /// <summary>
    /// Builds a result from a failed or empty response.
    /// </summary>
    /// <typeparam name="T">The data type.</typeparam>
    /// <param name="response">The classified response.</param>
    /// <returns>The result, without data.</returns>
    public static SourceResult<T> From<T>(UpstreamResponse response)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(response.Outcome, null, response.Message, response.ResetAt);
    }
}
