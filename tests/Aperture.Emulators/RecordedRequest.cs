using System;
using System.Collections.Generic;

namespace Aperture.Emulators;

/// <summary>One request an emulator received, kept for assertions.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path, without the query string.</param>
/// <param name="QueryString">The raw query string including the leading <c>?</c>, or empty.</param>
/// <param name="Headers">The request headers (names as received; values joined with a comma).</param>
/// <param name="Time">When the request arrived.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset Time)
{
    /// <summary>Gets a header value by name (case-insensitive), or null.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value, or null when the header was absent.</returns>
    public string? Header(string name)
    {
        foreach (var pair in Headers)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>Gets a query parameter by name (case-sensitive, first occurrence, decoded), or null.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value, or null when absent.</returns>
    public string? Query(string name)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(QueryString);
        return query.TryGetValue(name, out var values) ? values.ToString() : null;
    }

    /// <summary>Describes the request without its query string or headers, so keys never reach test output.</summary>
    /// <returns>Method and path.</returns>
    public override string ToString() => Method + " " + Path;
}
