using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Jellyfin.Data.Enums;
using Jellyfin.Database.Implementations.Entities;
using Jellyfin.Plugin.Aperture.TraktSync;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Controller.Entities.TV;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Entities;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// Reads and writes users' movie and series ratings in Jellyfin's user data (<c>UserItemData.Rating</c>, and
/// <c>Likes</c> where no rating is stored), on Trakt's scale.
/// </summary>
public sealed class JellyfinUserRatings : IUserRatingsLibrary
{
    private readonly ILibraryManager _libraryManager;
    private readonly IUserManager _userManager;
    private readonly IUserDataManager _userData;
    private readonly OwnRatingWrites _own;
    private readonly ILogger<JellyfinUserRatings> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="JellyfinUserRatings"/> class.
    /// </summary>
    /// <param name="libraryManager">Jellyfin's library manager.</param>
    /// <param name="userManager">Jellyfin's user manager.</param>
    /// <param name="userData">Jellyfin's user data manager.</param>
    /// <param name="own">Marks Aperture's own saves.</param>
    /// <param name="logger">The logger.</param>
    public JellyfinUserRatings(ILibraryManager libraryManager, IUserManager userManager, IUserDataManager userData, OwnRatingWrites own, ILogger<JellyfinUserRatings> logger)
    {
        _libraryManager = libraryManager;
        _userManager = userManager;
        _userData = userData;
        _own = own;
        _logger = logger;
    }

    /// <summary>
    /// Gets the kind and ids the sync knows an item by.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <returns>The kind and ids, or null when the item is neither a movie nor a series.</returns>
    public static (RatingKind Kind, TraktIds Ids)? Identify(BaseItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        RatingKind? kind = item switch
        {
            Movie => RatingKind.Movie,
            Series => RatingKind.Show,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        var imdb = item.GetProviderId(MetadataProvider.Imdb);
        var ids = new TraktIds(
            null,
            string.IsNullOrWhiteSpace(imdb) ? null : imdb,
            Number(item.GetProviderId(MetadataProvider.Tmdb)),
            Number(item.GetProviderId(MetadataProvider.Tvdb)));
        return (kind.Value, ids);
    }

    /// <summary>
    /// Reads a rating from user data on Trakt's scale.
    /// </summary>
    /// <param name="data">The user data, or null.</param>
    /// <returns>The rating 1–10, or null when unrated.</returns>
    public static int? ValueOf(UserItemData? data) => data is null ? null : TraktRatingScale.ToTrakt(data.Rating, data.Likes);

    /// <inheritdoc />
    public IReadOnlyList<UserRatedItem> Read(Guid userId)
    {
        if (FindUser(userId) is not { } user)
        {
            return [];
        }

        var query = new InternalItemsQuery
        {
            IncludeItemTypes = [BaseItemKind.Movie, BaseItemKind.Series],
            IsVirtualItem = false,
            Recursive = true,
        };
        var items = new List<UserRatedItem>();
        foreach (var item in _libraryManager.GetItemList(query))
        {
            if (Identify(item) is { } identity)
            {
                items.Add(new UserRatedItem(item.Id, identity.Kind, identity.Ids, ValueOf(_userData.GetUserData(user, item))));
            }
        }

        return items;
    }

    /// <inheritdoc />
    public bool Apply(Guid userId, Guid itemId, int? value, CancellationToken cancellationToken)
    {
        if (FindUser(userId) is not { } user || _libraryManager.GetItemById(itemId) is not { } item || _userData.GetUserData(user, item) is not { } data)
        {
            return false;
        }

        // Rating alone carries the value: Jellyfin's Likes reads it back (>= 6.5), and setting Likes would overwrite it.
        data.Rating = value is { } v ? TraktRatingScale.ToJellyfin(v) : null;

        // Import, not UpdateUserRating: the rating came from Trakt, not from the user editing it in a client, so
        // anything that reacts to a user's rating edit (other plugins, webhooks) should not take it for one.
        // (10.11 signature: SaveUserData(User, BaseItem, UserItemData, UserDataSaveReason, CancellationToken).)
        using (_own.Begin(userId, itemId))
        {
            _userData.SaveUserData(user, item, data, UserDataSaveReason.Import, cancellationToken);
        }

        return true;
    }

    private static long? Number(string? id)
        => long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    // Users come only through UserManagerCompat: IUserManager's user list changed shape inside 10.11.
    private User? FindUser(Guid userId)
        => UserManagerCompat.GetUsers(_userManager, _logger).FirstOrDefault(u => u.Id == userId);
}
