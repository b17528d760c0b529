using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Discovery;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>What a list would give before it is saved.</summary>
/// <param name="Size">The list's titles of the chosen kind.</param>
/// <param name="InLibrary">How many the library has.</param>
/// <param name="Members">How many the collection would hold (at most the maximum).</param>
/// <param name="Missing">The titles the library lacks, best-ranked first (the first 20).</param>
/// <param name="MissingCount">How many titles the library lacks.</param>
/// <param name="Requests">The MDBList requests the preview spent.</param>
public sealed record TopPicksPreview(int Size, int InLibrary, int Members, IReadOnlyList<MissingTitle> Missing, int MissingCount, int Requests);
