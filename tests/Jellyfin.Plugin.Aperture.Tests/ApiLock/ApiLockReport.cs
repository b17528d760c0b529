using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Jellyfin.Plugin.Aperture.Tests.ApiLock;

/// <summary>The result of an API-lock check.</summary>
/// <param name="Unlisted">Used references the lock does not list.</param>
/// <param name="DifferingWithin1011">Used references the lock marks as differing between 10.11.0 and 10.11.11.</param>
internal sealed record ApiLockReport(IReadOnlyList<string> Unlisted, IReadOnlyList<string> DifferingWithin1011)
{
    public bool Ok => Unlisted.Count == 0 && DifferingWithin1011.Count == 0;

    public override string ToString()
    {
        var parts = new List<string>();
        if (Unlisted.Count > 0)
        {
            parts.Add("Jellyfin references not in ref/api-lock.md (check 10.11.0, 10.11.latest and 12.0, then add a row):"
                + Environment.NewLine + string.Join(Environment.NewLine, Unlisted.Select(u => "  " + u)));
        }

        if (DifferingWithin1011.Count > 0)
        {
            parts.Add("Jellyfin references that differ inside 10.11 (reach them through a compatibility helper instead):"
                + Environment.NewLine + string.Join(Environment.NewLine, DifferingWithin1011.Select(u => "  " + u)));
        }

        return parts.Count == 0 ? "API lock OK" : string.Join(Environment.NewLine, parts);
    }
}
