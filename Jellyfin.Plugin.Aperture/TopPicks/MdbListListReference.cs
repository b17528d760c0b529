using System;
using System.Text.RegularExpressions;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>
/// What an admin pastes to name a list: a numeric id, <c>user/slug</c>, or a list URL such as
/// <c>https://mdblist.com/lists/user/slug</c> or <c>https://mdblist.com/lists/12345</c>.
/// </summary>
public static partial class MdbListListReference
{
    /// <summary>
    /// Turns pasted text into the path MDBList serves the list under (<c>lists/{id}</c> or <c>lists/{user}/{slug}</c>).
    /// </summary>
    /// <param name="text">What the admin pasted.</param>
    /// <returns>The path relative to the API root, or null when the text names no list.</returns>
    public static string? ToPath(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var url))
        {
            if (!url.Host.EndsWith("mdblist.com", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            value = url.AbsolutePath.Trim('/');
            if (!value.StartsWith("lists/", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            value = value["lists/".Length..];
        }

        if (NumericId().IsMatch(value))
        {
            return "lists/" + value;
        }

        var match = OwnerAndSlug().Match(value);
        return match.Success
            ? "lists/" + Uri.EscapeDataString(match.Groups[1].Value) + "/" + Uri.EscapeDataString(match.Groups[2].Value)
            : null;
    }

    [GeneratedRegex("^[0-9]{1,12}$")]
    private static partial Regex NumericId();

    [GeneratedRegex("^([A-Za-z0-9_.-]{1,80})/([A-Za-z0-9_.-]{1,120})$")]
    private static partial Regex OwnerAndSlug();
}
