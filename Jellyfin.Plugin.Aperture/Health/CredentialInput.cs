using System;
using System.Collections.Generic;
using System.Linq;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Secrets;

namespace Jellyfin.Plugin.Aperture.Health;

/// <summary>
/// Reads credential values an admin typed (to save or to test): blank values mean "keep the stored one", names
/// must be the integration's own fields, and typed values replace stored ones field by field.
/// </summary>
internal static class CredentialInput
{
    /// <summary>
    /// Keeps the non-blank values under the descriptor's own field names.
    /// </summary>
    /// <param name="descriptor">The integration.</param>
    /// <param name="given">The typed values by field name, or null.</param>
    /// <returns>The values, or why they are refused (a field the integration does not have).</returns>
    public static (IReadOnlyList<KeyValuePair<string, string>> Fields, string? Problem) Read(IntegrationDescriptor descriptor, IReadOnlyDictionary<string, string>? given)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in given ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var field = descriptor.CredentialFields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            if (field is null)
            {
                return (Array.Empty<KeyValuePair<string, string>>(), $"{descriptor.Name} has no credential field '{name}'.");
            }

            fields.Add(new(field.Name, value.Trim()));
        }

        return (fields, null);
    }

    /// <summary>
    /// Reads values an admin wants to save: as <see cref="Read"/>, and a key holds no spaces or line breaks.
    /// </summary>
    /// <param name="descriptor">The integration.</param>
    /// <param name="given">The typed values by field name, or null.</param>
    /// <returns>The values, or why they are refused.</returns>
    public static (IReadOnlyList<KeyValuePair<string, string>> Fields, string? Problem) ReadForSaving(IntegrationDescriptor descriptor, IReadOnlyDictionary<string, string>? given)
    {
        var (fields, problem) = Read(descriptor, given);
        if (problem is null && (fields.Any(f => f.Value.Any(char.IsWhiteSpace)) || fields.Any(f => f.Value.Length > 4096)))
        {
            return (Array.Empty<KeyValuePair<string, string>>(), "A key cannot contain spaces or line breaks; paste it again.");
        }

        return (fields, problem);
    }

    /// <summary>
    /// Lists the required fields that have no value.
    /// </summary>
    /// <param name="descriptor">The integration.</param>
    /// <param name="credentials">The credentials a call would use.</param>
    /// <returns>The missing fields, in the descriptor's order.</returns>
    public static IReadOnlyList<CredentialField> Missing(IntegrationDescriptor descriptor, IntegrationCredentials credentials) =>
        descriptor.CredentialFields.Where(f => f.Required && credentials.Get(f.Name) is null).ToList();

    /// <summary>
    /// Puts typed values over the stored ones.
    /// </summary>
    /// <param name="stored">The stored credentials, or null.</param>
    /// <param name="typed">The typed values from <see cref="Read"/>.</param>
    /// <returns>The merged credentials.</returns>
    public static IntegrationCredentials Merge(IntegrationCredentials? stored, IEnumerable<KeyValuePair<string, string>> typed)
    {
        var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in stored?.FieldNames ?? Enumerable.Empty<string>())
        {
            merged[name] = stored!.Get(name)!;
        }

        foreach (var (name, value) in typed)
        {
            merged[name] = value;
        }

        return new IntegrationCredentials(merged);
    }
}
