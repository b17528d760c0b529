using System;
using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Discovery;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>What one good list read asks of its collection.</summary>
/// <param name="Order">Every member the collection should end with: the list's titles in rank order, then the
/// hand-added members in the order they had.</param>
/// <param name="Wanted">The members Aperture is responsible for (the list's titles found in the library).</param>
/// <param name="ToAdd">Members to add.</param>
/// <param name="ToRemove">Members Aperture added that left the list (or fell below the maximum).</param>
/// <param name="Missing">The list's titles the library lacks, in rank order.</param>
/// <param name="InLibrary">How many of the list's titles the library has.</param>
public sealed record TopPicksPlan(
    IReadOnlyList<Guid> Order,
    IReadOnlyList<Guid> Wanted,
    IReadOnlyList<Guid> ToAdd,
    IReadOnlyList<Guid> ToRemove,
    IReadOnlyList<MissingTitle> Missing,
    int InLibrary);
