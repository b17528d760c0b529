using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Aperture.Emulators.Catalog;
using Jellyfin.Plugin.Aperture.Discovery;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Discovery;

public sealed class DiscoverListTests : IAsyncLifetime
{
    private readonly SeerrHost _host = new();
    private readonly Guid _carol = Guid.NewGuid();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task EachMissingTitleShowsOnceWithWhyItIsListedAndSeerrsStatus_AnUnknownStatusIncluded()
    {
        var store = _host.Host.Get<MissingTitleStore>();
        var now = _host.Host.Time.GetUtcNow();
        MissingTitle[] watchlist =
        [
            new MissingTitle(MissingTitle.Movie, "Available One", 2001, null, 701, null, 1),
            new MissingTitle(MissingTitle.Movie, "Deleted One", 2002, null, 702, null, 2),
            new MissingTitle(MissingTitle.Show, "Future One", 2003, null, 703, null, 3),
            new MissingTitle(MissingTitle.Movie, "No Tmdb", 2004, "tt0000004", null, null, 4),
        ];
        store.Replace(MissingTitleSources.TraktWatchlist, "watchlist", _carol, watchlist, now);
        store.Replace(MissingTitleSources.TraktSuggestions, "suggestions", _carol, [new MissingTitle(MissingTitle.Movie, "Available One", 2001, null, 701, null, 1)], now);
        store.Replace(MissingTitleSources.TraktWatchlist, "watchlist", Guid.NewGuid(), [new MissingTitle(MissingTitle.Movie, "Someone Else's", 2005, null, 705, null, 1)], now);
        _host.Seerr.SetMediaStatus(MediaKind.Movie, 701, 5);
        _host.Seerr.SetMediaStatus(MediaKind.Movie, 702, 7);
        _host.Seerr.SetMediaStatus(MediaKind.Show, 703, 42);

        var items = await _host.RunAsync(_host.Host.Get<DiscoverList>().ListAsync(_carol, CancellationToken.None));

        Assert.Equal(["Available One", "Deleted One", "Future One", "No Tmdb"], items.Select(i => i.Title.Title).Order(StringComparer.Ordinal));
        var available = items.Single(i => i.Title.Tmdb == 701);
        Assert.Equal(SeerrAvailability.Available, available.Availability);
        Assert.Matches("^/[a-z0-9-]+-poster\\.jpg$", available.PosterPath);
        Assert.Equal(["On your Trakt watchlist", "Suggested for you by Trakt"], available.Reasons.Order(StringComparer.Ordinal));
        Assert.Equal(SeerrAvailability.Deleted, items.Single(i => i.Title.Tmdb == 702).Availability);
        Assert.Equal(SeerrAvailability.Unknown, items.Single(i => i.Title.Tmdb == 703).Availability);
        Assert.Null(items.Single(i => i.Title.Tmdb is null).Availability);
    }
}
