using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Data.Enums;
using Jellyfin.Database.Implementations.Entities;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Integrations;
using Jellyfin.Plugin.Aperture.Library;
using Jellyfin.Plugin.Aperture.Tests.Fakes;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Entities;
using Microsoft.Extensions.Logging;
using Moq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

/// <summary>
/// Free daily quotas go where users look: the backfill takes the most-watched items first, then the newest.
/// </summary>
public sealed class EnrichmentOrderTests : IDisposable
{
    private readonly EnrichmentHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void TheReaderCountsHowManyUsersWatchedEachItem()
    {
        var (unseen, once, twice) = (NewMovie("Unseen"), NewMovie("Seen once"), NewMovie("Seen twice"));
        var alice = new User("alice", "Default", "Default");
        var bob = new User("bob", "Default", "Default");
        var library = new Mock<ILibraryManager>();
        library.Setup(l => l.GetItemList(It.Is<InternalItemsQuery>(q => q.IsPlayed == null))).Returns(new BaseItem[] { unseen, once, twice });
        library.Setup(l => l.GetItemList(It.Is<InternalItemsQuery>(q => q.IsPlayed == true && q.User == alice && q.IncludeItemTypes.Contains(BaseItemKind.Movie))))
            .Returns(new BaseItem[] { once, twice });
        library.Setup(l => l.GetItemList(It.Is<InternalItemsQuery>(q => q.IsPlayed == true && q.User == bob))).Returns(new BaseItem[] { twice });

        var items = new LibraryItemReader(library.Object, new Users(alice, bob)).ReadAll();

        Assert.Equal(new[] { 0, 1, 2 }, items.Select(i => i.Viewers));
    }

    [Fact]
    public void AUserWhoseHistoryCannotBeReadOnlyLosesTheirVotes()
    {
        var movie = NewMovie("Seen");
        var (alice, bob) = (new User("alice", "Default", "Default"), new User("bob", "Default", "Default"));
        var library = new Mock<ILibraryManager>();
        library.Setup(l => l.GetItemList(It.Is<InternalItemsQuery>(q => q.IsPlayed == null))).Returns(new BaseItem[] { movie });
        library.Setup(l => l.GetItemList(It.Is<InternalItemsQuery>(q => q.IsPlayed == true && q.User == alice))).Throws(new InvalidOperationException("boom"));
        library.Setup(l => l.GetItemList(It.Is<InternalItemsQuery>(q => q.IsPlayed == true && q.User == bob))).Returns(new BaseItem[] { movie });

        var item = Assert.Single(new LibraryItemReader(library.Object, new Users(alice, bob)).ReadAll());

        Assert.Equal(1, item.Viewers);
    }

    [Fact]
    public async Task TheBackfillTakesTheMostWatchedFirstThenTheNewest()
    {
        _host.Configure(IntegrationIds.Tmdb);
        _host.Tmdb.Answer = SourceResults.Found(new TmdbMetadata("1", null, new[] { "heist" }, null, null, Array.Empty<CrewCredit>()));
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var library = new[]
        {
            Item("new, unwatched", old.AddYears(5), viewers: 0),
            Item("old, watched by three", old, viewers: 3),
            Item("newer, unwatched", old.AddYears(6), viewers: 0),
            Item("old, watched by one", old.AddDays(1), viewers: 1),
        };
        var applier = new OrderedApplier();

        await _host.Host.Get<EnrichmentRunner>().RunAsync(library, applier, new Progress<double>(), CancellationToken.None);

        Assert.Equal(
            new[] { "old, watched by three", "old, watched by one", "newer, unwatched", "new, unwatched" },
            applier.Order);
    }

    [Fact]
    public async Task WhatTheLastScanQueuedGoesFirstAndLeavesTheQueue()
    {
        _host.Configure(IntegrationIds.Tmdb);
        _host.Tmdb.Answer = SourceResults.Found(new TmdbMetadata("1", null, new[] { "heist" }, null, null, Array.Empty<CrewCredit>()));
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var library = new[]
        {
            Item("old, watched by three", old, viewers: 3),
            Item("just scanned, unwatched", old.AddYears(-5), viewers: 0),
        };
        var queue = _host.Host.Get<EnrichmentQueueStore>();
        queue.Add(library[1].Id, _host.Host.Time.GetUtcNow());
        queue.Add(Guid.NewGuid(), _host.Host.Time.GetUtcNow());
        var applier = new OrderedApplier();

        await _host.Host.Get<EnrichmentRunner>().RunAsync(library, applier, new Progress<double>(), CancellationToken.None);

        Assert.Equal(new[] { "just scanned, unwatched", "old, watched by three" }, applier.Order);
        Assert.Equal(0, queue.Count());
    }

    [Fact]
    public async Task ASourceThatWasNotNeededDoesNotKeepTheItemDue()
    {
        _host.Configure(IntegrationIds.Tmdb, IntegrationIds.MdbList, IntegrationIds.Omdb);
        _host.Host.Configuration.Current.Enrichment.Awards = false;
        _host.Tmdb.Answer = SourceResults.Found(new TmdbMetadata("1", null, new[] { "heist" }, null, null, Array.Empty<CrewCredit>()));
        _host.MdbList.Answer = SourceResults.Found(new RatingsData(IntegrationIds.MdbList, 90, 85, 70, null));
        var library = new[] { Item("Scored by MDBList", DateTime.UtcNow, viewers: 0) };
        var runner = _host.Host.Get<EnrichmentRunner>();

        var first = await runner.RunAsync(library, new OrderedApplier(), new Progress<double>(), CancellationToken.None);
        var second = await runner.RunAsync(library, new OrderedApplier(), new Progress<double>(), CancellationToken.None);

        Assert.Equal(1, first.Due);
        Assert.Equal(0, _host.Omdb.Calls);
        Assert.Equal(0, second.Due);
        Assert.Equal(90, _host.Engine.GetMerged(library[0].Id).CriticRating);
    }

    private static LibraryItem Item(string name, DateTime added, int viewers) =>
        new(Guid.NewGuid(), MediaKind.Movie, name, 2020, "1", null, null, added, viewers);

    private static Movie NewMovie(string name)
    {
        var movie = new Movie { Id = Guid.NewGuid(), Name = name };
        movie.SetProviderId(MetadataProvider.Tmdb, "1");
        return movie;
    }

    private sealed class OrderedApplier : IEnrichmentApplier
    {
        public List<string> Order { get; } = new();

        public Task<bool> ApplyAsync(LibraryItem item, EnrichedItem data, CancellationToken cancellationToken)
        {
            Order.Add(item.Name);
            return Task.FromResult(true);
        }
    }

    /// <summary>Shaped like Jellyfin 10.11.9+: users listed by GetUsers().</summary>
    private sealed class Users(params User[] users) : UserManagerStub
    {
        public IEnumerable<User> GetUsers() => users;
    }
}
