using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Data.Enums;
using Jellyfin.Database.Implementations.Entities;
using Jellyfin.Plugin.Aperture.AiPicks;
using Jellyfin.Plugin.Aperture.Enrichment;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Controller.Entities.TV;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Entities;
using Microsoft.Extensions.Logging;

namespace Jellyfin.Plugin.Aperture.Library;

/// <summary>
/// AI picks' Jellyfin side: titles with their descriptions (the enrichment's keywords and themes are the items'
/// tags), users, Jellyfin's per-user item query for what a user may see, and users' data for what they did.
/// </summary>
public sealed class JellyfinPicksLibrary : IPicksLibrary
{
    // Directors and the leading cast describe a title; the long tail of a cast list is noise for similarity.
    private const int PeoplePerTitle = 6;

    private readonly ILibraryManager _libraryManager;
    private readonly IUserManager _userManager;
    private readonly IUserDataManager _userData;
    private readonly ILogger<JellyfinPicksLibrary> _logger;

    /// <summary>
    /// Initializes a new instance of the <see cref="JellyfinPicksLibrary"/> class.
    /// </summary>
    /// <param name="libraryManager">Jellyfin's library manager.</param>
    /// <param name="userManager">Jellyfin's user manager.</param>
    /// <param name="userData">Jellyfin's user data.</param>
    /// <param name="logger">The logger.</param>
    public JellyfinPicksLibrary(ILibraryManager libraryManager, IUserManager userManager, IUserDataManager userData, ILogger<JellyfinPicksLibrary> logger)
    {
        _libraryManager = libraryManager;
        _userManager = userManager;
        _userData = userData;
        _logger = logger;
    }

    /// <inheritdoc />
    public IReadOnlyList<PickTitle> ReadTitles(bool withPeople)
    {
        var query = new InternalItemsQuery
        {
            IncludeItemTypes = [BaseItemKind.Movie, BaseItemKind.Series],
            IsVirtualItem = false,
            Recursive = true,
        };
        return _libraryManager.GetItemList(query).Select(i => ToTitle(i, withPeople)).OfType<PickTitle>().ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<Guid> Users() => UserManagerCompat.GetUsers(_userManager, _logger).Select(u => u.Id).ToList();

    /// <inheritdoc />
    public IReadOnlySet<Guid>? VisibleTitles(Guid userId)
    {
        if (FindUser(userId) is not { } user)
        {
            return null;
        }

        // The user on the query is what makes Jellyfin apply their library access and parental limits.
        return _libraryManager.GetItemList(new InternalItemsQuery(user)
        {
            IncludeItemTypes = [BaseItemKind.Movie, BaseItemKind.Series],
            IsVirtualItem = false,
            Recursive = true,
        }).Select(i => i.Id).ToHashSet();
    }

    /// <inheritdoc />
    public IReadOnlyList<UserSignal> Signals(Guid userId)
    {
        if (FindUser(userId) is not { } user)
        {
            return [];
        }

        // A series counts as played once any of its episodes is: started is seen, and the series is not picked again.
        var seriesPlayed = _libraryManager.GetItemList(new InternalItemsQuery(user)
        {
            IncludeItemTypes = [BaseItemKind.Episode],
            IsVirtualItem = false,
            IsPlayed = true,
            Recursive = true,
        }).OfType<Episode>().Where(e => !e.SeriesId.Equals(Guid.Empty)).GroupBy(e => e.SeriesId)
            .ToDictionary(g => g.Key, g => g.Max(e => _userData.GetUserData(user, e)?.LastPlayedDate));

        var signals = new List<UserSignal>();
        var items = _libraryManager.GetItemList(new InternalItemsQuery(user)
        {
            IncludeItemTypes = [BaseItemKind.Movie, BaseItemKind.Series],
            IsVirtualItem = false,
            Recursive = true,
        });
        foreach (var item in items)
        {
            var data = _userData.GetUserData(user, item);
            DateTime? lastEpisode = null;
            var episodes = item is Series && seriesPlayed.TryGetValue(item.Id, out lastEpisode);
            if (data is null && !episodes)
            {
                continue;
            }

            var runtime = item.RunTimeTicks ?? 0;
            var position = data?.PlaybackPositionTicks ?? 0;
            double? progress = position > 0 && runtime > 0 ? Math.Min(1, (double)position / runtime) : (position > 0 ? 0.5 : null);
            var last = data?.LastPlayedDate ?? (episodes ? lastEpisode : null);
            var signal = new UserSignal(
                item.Id,
                (data?.Played ?? false) || episodes,
                progress,
                data?.IsFavorite ?? false,
                data?.Likes,
                data?.Rating,
                last is { } when ? new DateTimeOffset(DateTime.SpecifyKind(when, DateTimeKind.Utc)) : null);
            if (signal.Played || signal.Progress is not null || signal.IsFavorite || signal.Likes is not null || signal.Rating is not null)
            {
                signals.Add(signal);
            }
        }

        return signals;
    }

    /// <inheritdoc />
    public async Task<bool> ReplaceTagsAsync(Guid itemId, IReadOnlyCollection<string> remove, IReadOnlyCollection<string> add, CancellationToken cancellationToken)
    {
        if (_libraryManager.GetItemById(itemId) is not { } item || item.LockedFields.Contains(MetadataField.Tags))
        {
            return false;
        }

        if (ItemMetadataWriter.ReplaceTags(item, remove, add))
        {
            await item.UpdateToRepositoryAsync(ItemUpdateType.MetadataEdit, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private PickTitle? ToTitle(BaseItem item, bool withPeople)
    {
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

        List<string> people = withPeople
            ? _libraryManager.GetPeople(item)
                .Where(p => p.Type is PersonKind.Director or PersonKind.Actor or PersonKind.Creator)
                .Select(p => p.Name)
                .Where(n => !string.IsNullOrWhiteSpace(n))
                .Take(PeoplePerTitle)
                .ToList()
            : [];
        return new PickTitle(
            item.Id,
            kind.Value,
            item.Name ?? string.Empty,
            item.ProductionYear,
            item.Genres ?? [],
            item.Overview,
            item.Tags ?? [],
            people,
            item.GetProviderId(MetadataProvider.TmdbCollection));
    }

    private User? FindUser(Guid userId)
        => UserManagerCompat.GetUsers(_userManager, _logger).FirstOrDefault(u => u.Id == userId);
}
