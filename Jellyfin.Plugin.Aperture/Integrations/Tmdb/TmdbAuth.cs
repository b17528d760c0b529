using System;
using System.Collections.Generic;
using System.Linq;

namespace Jellyfin.Plugin.Aperture.Integrations.Tmdb;

/// <summary>
/// Puts a TMDb credential where its form belongs. Admins paste either the v3 key or the read access token; both
/// give the same access, so Aperture accepts whichever it gets.
/// </summary>
internal static class TmdbAuth
{
    /// <summary>
    /// Tells which form a credential has.
    /// </summary>
    /// <param name="key">The credential.</param>
    /// <returns>Its form.</returns>
    public static TmdbKeyKind Detect(string key)
    {
        if (key.Length == 32 && key.All(Uri.IsHexDigit))
        {
            return TmdbKeyKind.V3ApiKey;
        }

        return key.StartsWith("eyJ", StringComparison.Ordinal) && key.Count(c => c == '.') == 2
            ? TmdbKeyKind.ReadAccessToken
            : TmdbKeyKind.Unknown;
    }

    /// <summary>
    /// Adds the credential to a request path (v3 key) or to the headers (read access token).
    /// </summary>
    /// <param name="path">The path, with or without a query.</param>
    /// <param name="key">The credential.</param>
    /// <param name="headers">The headers to send.</param>
    /// <returns>The path to send.</returns>
    public static string Authorize(string path, string key, out IReadOnlyDictionary<string, string> headers)
    {
        if (Detect(key) == TmdbKeyKind.ReadAccessToken)
        {
            headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + key };
            return path;
        }

        headers = new Dictionary<string, string>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return path + separator + "api_key=" + Uri.EscapeDataString(key);
    }

    /// <summary>
    /// Names a credential form for the admin.
    /// </summary>
    /// <param name="kind">The form.</param>
    /// <returns>Its name.</returns>
    public static string Describe(TmdbKeyKind kind) => kind switch
    {
        TmdbKeyKind.V3ApiKey => "v3 API key",
        TmdbKeyKind.ReadAccessToken => "API Read Access Token",
        _ => "unrecognised form (sent as a v3 API key)",
    };
}
