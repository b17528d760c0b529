using System;
using System.Collections.Generic;
using System.Linq;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>Every miss of one check against one Jellyfin installation, so a failure lists them all at once.</summary>
/// <param name="What">What was checked, e.g. "Jellyfin references of the plugin".</param>
/// <param name="Against">The installation, e.g. "Jellyfin 12.0.0-rc5".</param>
/// <param name="Checked">How many items were checked (so a report of nothing checked stands out).</param>
/// <param name="Misses">The misses.</param>
internal sealed record CompatibilityReport(string What, string Against, int Checked, IReadOnlyList<CompatibilityMiss> Misses)
{
    public bool Ok => Misses.Count == 0;

    public bool Names(string signature) => Misses.Any(m => m.Signature == signature);

    public override string ToString() => Ok
        ? $"{Against}: all {Checked} {What} found."
        : $"{Against}: {Misses.Count} of {Checked} {What} not found:" + Environment.NewLine + string.Join(Environment.NewLine, Misses);
}
