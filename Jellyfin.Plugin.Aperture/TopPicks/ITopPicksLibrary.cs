using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Enrichment;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>The library's movies and series with their external ids, for matching list titles.</summary>
public interface ITopPicksLibrary
{
    /// <summary>Reads every real movie and series.</summary>
    /// <returns>The items.</returns>
    IReadOnlyList<LibraryItem> ReadAll();
}
