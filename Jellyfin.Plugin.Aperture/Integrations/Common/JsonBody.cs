using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Jellyfin.Plugin.Aperture.Integrations.Common;

/// <summary>
/// Tolerant reads of upstream JSON. Services send numbers as strings and omit fields, and a classifier must never
/// throw on a body it cannot read.
/// </summary>
internal static class JsonBody
{
    /// <summary>
    /// Parses a body.
    /// </summary>
    /// <param name="body">The body text.</param>
    /// <returns>The document, or null when the body is empty or not JSON.</returns>
    public static JsonDocument? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Parses a body and returns its root when it is a JSON object.
    /// </summary>
    /// <param name="body">The body text.</param>
    /// <returns>A copy of the root object, or null.</returns>
    public static JsonElement? TryParseObject(string? body)
    {
        using var document = TryParse(body);
        return document?.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
    }

    /// <summary>
    /// Gets a property as text (strings as they are, numbers and booleans in invariant form).
    /// </summary>
    /// <param name="element">The object.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The text, or null when absent or null.</returns>
    public static string? GetText(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
    }

    /// <summary>
    /// Gets a property as a whole number, accepting a number or a numeric string.
    /// </summary>
    /// <param name="element">The object.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The number, or null.</returns>
    public static long? GetInt64(this JsonElement element, string name) =>
        long.TryParse(element.GetText(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>
    /// Gets a property as a boolean, accepting true/false, "true"/"false" and 1/0.
    /// </summary>
    /// <param name="element">The object.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The value, or null.</returns>
    public static bool? GetBoolean(this JsonElement element, string name) => element.GetText(name) switch
    {
        { } text when text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1" => true,
        { } text when text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0" => false,
        _ => null,
    };

    /// <summary>
    /// Gets a nested object.
    /// </summary>
    /// <param name="element">The object.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The nested object, or null.</returns>
    public static JsonElement? GetObject(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <summary>
    /// Gets a property as a number, accepting a number or a numeric string.
    /// </summary>
    /// <param name="element">The object.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The number, or null.</returns>
    public static double? GetDouble(this JsonElement element, string name) =>
        double.TryParse(element.GetText(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>
    /// Gets the objects of an array property, skipping anything that is not an object.
    /// </summary>
    /// <param name="element">The object.</param>
    /// <param name="name">The property name.</param>
    /// <returns>The objects; empty when the property is absent or not an array.</returns>
    public static IEnumerable<JsonElement> GetObjects(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : Enumerable.Empty<JsonElement>();
}
