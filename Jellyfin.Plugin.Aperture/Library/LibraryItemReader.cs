using System;
using System.Collections.Generic;
using System.Linq;
using Jellyfin.Data.Enums;
using Jellyfin.Plugin.Aperture.Enrichment;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Controller.Entities.TV;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Entities;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// Reads the library's movies and series as <see cref="LibraryItem"/>s: identity and external ids only, so the
/// enrichment never holds Jellyfin types.
/// </summary>
public sealed class LibraryItemReader
{
    private readonly ILibraryManager _libraryManager;

    /// <summary>
    /// Initializes a new instance of the <see cref="LibraryItemReader"/> class.
    /// </summary>
    /// <param name="libraryManager">Jellyfin's library manager.</param>
    public LibraryItemReader(ILibraryManager libraryManager)
    {
        _libraryManager = libraryManager;
    }

    /// <summary>
    /// Maps a Jellyfin item to what the enrichment needs.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <returns>The library item, or null when the item is neither a movie nor a series.</returns>
    public static LibraryItem? ToLibraryItem(BaseItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        MediaKind? kind = item switch
        {
            Movie => MediaKind.Movie,
            Series => MediaKind.Series,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        return new LibraryItem(
            item.Id,
            kind.Value,
            item.Name ?? string.Empty,
            item.ProductionYear,
            item.GetProviderId(MetadataProvider.Tmdb),
            item.GetProviderId(MetadataProvider.Imdb),
            item.GetProviderId(MetadataProvider.Tvdb),
            item.DateCreated);
    }

    /// <summary>
    /// Gets an item's display name, for pages that list items by id.
    /// </summary>
    /// <param name="id">The Jellyfin item id.</param>
    /// <returns>The name, or null when the item is no longer in the library.</returns>
    public string? FindName(Guid id) => _libraryManager.GetItemById(id)?.Name;

    /// <summary>
    /// Reads every real (non-virtual) movie and series in every library.
    /// </summary>
    /// <returns>The items.</returns>
    public IReadOnlyList<LibraryItem> ReadAll()
    {
        // Virtual items are missing episodes/seasons and placeholders: nothing to enrich, and no file to refresh.
        var query = new InternalItemsQuery
        {
            IncludeItemTypes = [BaseItemKind.Movie, BaseItemKind.Series],
            IsVirtualItem = false,
            Recursive = true,
        };
        return _libraryManager.GetItemList(query)
            .Select(ToLibraryItem)
            .OfType<LibraryItem>()
            .ToList();
    }
}
