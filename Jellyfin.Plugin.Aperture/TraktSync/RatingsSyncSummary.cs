using System;
using System.Collections.Generic;
using System.Globalization;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// Says in a few words what a rating sync did, for the user page and the admin's Users list
/// ("3 sent to Trakt, 1 from Trakt", "Nothing changed", or why it stopped).
/// </summary>
public static class RatingsSyncSummary
{
    /// <summary>
    /// Describes a sync's result.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <returns>The summary (no secrets: errors are the pipeline's redacted messages).</returns>
    public static string Describe(RatingsSyncResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Error is { } error)
        {
            return error;
        }

        var parts = new List<string>();
        Add(parts, result.Pushed, "sent to Trakt");
        Add(parts, result.Removed, "removed on Trakt");
        Add(parts, result.LocalWrites.Count, "from Trakt");
        Add(parts, result.LocalRemovals.Count, "cleared by Trakt");
        Add(parts, result.Pending, "waiting to be sent again");
        Add(parts, result.NotFound, "not known to Trakt");
        return parts.Count == 0 ? "Nothing changed" : string.Join(", ", parts);
    }

    private static void Add(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add(count.ToString(CultureInfo.InvariantCulture) + " " + what);
        }
    }
}
