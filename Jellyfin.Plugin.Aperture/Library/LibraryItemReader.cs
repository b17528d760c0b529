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
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// Reads the library's movies and series as <see cref="LibraryItem"/>s: identity and external ids only, so the
/// enrichment never holds Jellyfin types.
/// </summary>
public sealed class LibraryItemReader
{
    private readonly ILibraryManager _libraryManager;
    private readonly IUserManager? _userManager;
    private readonly ILogger _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="LibraryItemReader"/> class.
    /// </summary>
    /// <param name="libraryManager">Jellyfin's library manager.</param>
    /// <param name="userManager">Jellyfin's user manager, to count who watched what; without it every count is 0.</param>
    /// <param name="logger">The logger.</param>
    public LibraryItemReader(ILibraryManager libraryManager, IUserManager? userManager = null, ILogger<LibraryItemReader>? logger = null)
    {
        _libraryManager = libraryManager;
        _userManager = userManager;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
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
        var viewers = CountViewers();
        return _libraryManager.GetItemList(query)
            .Select(ToLibraryItem)
            .OfType<LibraryItem>()
            .Select(i => viewers.TryGetValue(i.Id, out var count) ? i with { Viewers = count } : i)
            .ToList();
    }

    // One query per user for what that user has played, so a large library costs a few queries, not one per item.
    // A user whose query fails only loses their votes; the order then falls back to newest first.
    private Dictionary<Guid, int> CountViewers()
    {
        var counts = new Dictionary<Guid, int>();
        if (_userManager is null)
        {
            return counts;
        }

        foreach (var user in UserManagerCompat.GetUsers(_userManager, _logger))
        {
            try
            {
                var played = new InternalItemsQuery(user)
                {
                    IncludeItemTypes = [BaseItemKind.Movie, BaseItemKind.Series],
                    IsVirtualItem = false,
                    IsPlayed = true,
                    Recursive = true,
                };
                foreach (var item in _libraryManager.GetItemList(played))
                {
                    counts[item.Id] = counts.TryGetValue(item.Id, out var n) ? n + 1 : 1;
                }
            }
#pragma warning disable CA1031 // Counting viewers only orders the work; it must never stop the enrichment.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning(ex, "Aperture could not read what a user has watched; the enrichment order ignores that user");
            }
        }

        return counts;
    }
}
