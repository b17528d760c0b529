using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Jellyfin.Plugin.Aperture.Tests.ApiLock;

/// <summary>One reviewed row of ref/api-lock.md.</summary>
/// <param name="Signature">The canonical signature, as <see cref="JellyfinReferenceReader"/> renders it.</param>
/// <param name="V10110">Status on 10.11.0: "same" or "differs: …".</param>
/// <param name="V101111">Status on 10.11.11 (newest 10.11).</param>
/// <param name="V120">Status on 12.0.</param>
internal sealed record ApiLockEntry(string Signature, string V10110, string V101111, string V120)
{
    /// <summary>Gets a value indicating whether the member is not binary-identical on every 10.11 release.</summary>
    public bool DiffersWithin1011 => IsDiffers(V10110) || IsDiffers(V101111);

    private static bool IsDiffers(string status) => status.StartsWith("differs", StringComparison.OrdinalIgnoreCase);
}
