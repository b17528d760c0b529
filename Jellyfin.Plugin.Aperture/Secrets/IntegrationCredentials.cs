using System;
using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Secrets;

/// <summary>
/// The decrypted credential fields of one integration (for example "apiKey", or "clientId" and "clientSecret").
/// Only clients hold these; <see cref="ToString"/> never shows a value, so they cannot leak into a log line.
/// </summary>
public sealed class IntegrationCredentials
{
    private readonly Dictionary<string, string> _fields;

    /// <summary>
    /// Initializes a new instance of the <see cref="IntegrationCredentials"/> class.
    /// </summary>
    /// <param name="fields">Field names and values; blank values are dropped.</param>
    public IntegrationCredentials(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in fields)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                _fields[name] = value.Trim();
            }
        }
    }

    /// <summary>Gets the names of the fields that have a value.</summary>
    public IEnumerable<string> FieldNames => _fields.Keys;

    /// <summary>Gets every value, for redaction.</summary>
    internal IEnumerable<string> Values => _fields.Values;

    /// <summary>
    /// Gets a field's value.
    /// </summary>
    /// <param name="field">The field name.</param>
    /// <returns>The value, or null when the field is not set.</returns>
    public string? Get(string field) => _fields.TryGetValue(field, out var value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => $"IntegrationCredentials({string.Join(", ", _fields.Keys)}: redacted)";
}
