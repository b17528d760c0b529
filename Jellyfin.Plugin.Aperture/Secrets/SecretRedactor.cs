using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.RegularExpressions;

namespace Jellyfin.Plugin.Aperture.Secrets;

/// <summary>
/// Removes secrets from text before it is logged, stored or returned: every credential value Aperture knows,
/// plus anything that looks like a key in a URL, header or JSON body.
/// </summary>
public sealed partial class SecretRedactor
{
    private const string Mask = "[redacted]";
    private const int MinimumSecretLength = 4;
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers secret values so they are removed wherever they appear.
    /// </summary>
    /// <param name="credentials">The credentials to remember.</param>
    public void Remember(IntegrationCredentials? credentials)
    {
        if (credentials is null)
        {
            return;
        }

        foreach (var value in credentials.Values)
        {
            Remember(value);
        }
    }

    /// <summary>
    /// Registers one secret value.
    /// </summary>
    /// <param name="secret">The secret.</param>
    public void Remember(string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length >= MinimumSecretLength)
        {
            _known.TryAdd(secret, 0);
        }
    }

    /// <summary>
    /// Returns the text with every secret replaced.
    /// </summary>
    /// <param name="text">Text that may hold secrets.</param>
    /// <returns>The redacted text.</returns>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Longest first, so a secret that contains another is removed whole.
        foreach (var secret in _known.Keys.OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = QueryKeyPattern().Replace(text, m => m.Groups[1].Value + Mask);
        text = BearerPattern().Replace(text, "Bearer " + Mask);
        text = JsonKeyPattern().Replace(text, m => m.Groups[1].Value + Mask + "\"");
        return text;
    }

    [GeneratedRegex(@"((?:api_?key|apikey|access_token|refresh_token|client_secret|token|key)=)[^&\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryKeyPattern();

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-\._~\+/=]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"(""(?:api_?key|apikey|access_token|refresh_token|client_secret|device_code|code)""\s*:\s*"")[^""]*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonKeyPattern();
}
