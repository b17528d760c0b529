using System.Collections.Generic;
using System.Linq;
using Jellyfin.Data.Enums;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.TopPicks;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Library;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>Reads the library's real movies and series, with their ids, for Top Picks.</summary>
public sealed class JellyfinTopPicksLibrary : ITopPicksLibrary
{
    private readonly ILibraryManager _libraryManager;

    /// <summary>
    /// Initializes a new instance of the <see cref="JellyfinTopPicksLibrary"/> class.
    /// </summary>
    /// <param name="libraryManager">Jellyfin's library manager.</param>
    public JellyfinTopPicksLibrary(ILibraryManager libraryManager)
    {
        _libraryManager = libraryManager;
    }

    /// <inheritdoc />
    public IReadOnlyList<LibraryItem> ReadAll() => _libraryManager.GetItemList(new InternalItemsQuery
        {
            IncludeItemTypes = [BaseItemKind.Movie, BaseItemKind.Series],
            IsVirtualItem = false,
            Recursive = true,
        })
        .Select(LibraryItemReader.ToLibraryItem)
        .OfType<LibraryItem>()
        .ToList();
}
