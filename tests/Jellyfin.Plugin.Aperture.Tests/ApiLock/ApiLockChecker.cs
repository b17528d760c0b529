using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Jellyfin.Plugin.Aperture.Tests.ApiLock;

/// <summary>Compares the Jellyfin references a built assembly makes with the reviewed lock.</summary>
internal static class ApiLockChecker
{
    public static ApiLockReport Check(IEnumerable<string> usedReferences, ApiLockFile lockFile)
    {
        var used = usedReferences.ToList();
        var unlisted = used.Where(u => !lockFile.BySignature.ContainsKey(u)).ToList();
        var differing = used
            .Where(u => lockFile.BySignature.TryGetValue(u, out var e) && e.DiffersWithin1011)
            .ToList();
        return new ApiLockReport(unlisted, differing);
    }
}
