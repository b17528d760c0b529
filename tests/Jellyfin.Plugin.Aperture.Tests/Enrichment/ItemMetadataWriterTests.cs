using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Jellyfin.Data.Enums;
using Jellyfin.Plugin.Aperture.Configuration;
using Jellyfin.Plugin.Aperture.Enrichment;
using Jellyfin.Plugin.Aperture.Library;
using MediaBrowser.Controller.Entities;
using MediaBrowser.Controller.Entities.Movies;
using MediaBrowser.Controller.Entities.TV;
using MediaBrowser.Controller.Library;
using MediaBrowser.Model.Entities;
using Moq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Enrichment;

public class ItemMetadataWriterTests
{
    private static readonly EnrichedItem Data = new(
        new[] { "heist", "Admin Tag", "las vegas" },
        "304",
        "Ocean's Collection",
        new[]
        {
            new CrewCredit("Philippe Rousselot", "Director of Photography", "1236"),
            new CrewCredit("David Holmes", "Original Music Composer", "5000"),
            new CrewCredit("Stephen Mirrione", "Editor", "7000"),
            new CrewCredit("Steven Soderbergh", "Director", "1884"),
        },
        93,
        "mdblist",
        87,
        74,
        "Won 2 Oscars. 10 wins & 20 nominations total");

    [Fact]
    public void AMovieWithIdsGetsCriticRatingKeywordTagsAndItsCollection()
    {
        var movie = NewMovie();

        var result = ItemMetadataWriter.Apply(movie, Data, new EnrichmentSettings());

        Assert.Equal(93f, movie.CriticRating);
        Assert.Equal(new[] { "Admin Tag", "heist", "las vegas" }, movie.Tags);
        Assert.Equal("304", movie.GetProviderId(MetadataProvider.TmdbCollection));
        Assert.Equal("Ocean's Collection", movie.TmdbCollectionName);
        Assert.Equal(ItemUpdateType.MetadataDownload, result.UpdateType);
    }

    [Fact]
    public void ApplyingTheSameDataTwiceChangesNothingTheSecondTime()
    {
        var movie = NewMovie();
        ItemMetadataWriter.Apply(movie, Data, new EnrichmentSettings());

        var again = ItemMetadataWriter.Apply(movie, Data, new EnrichmentSettings());

        Assert.False(again.Changed);
        Assert.Equal(ItemUpdateType.None, again.UpdateType);
    }

    [Fact]
    public void ALockedItemIsLeftUntouched()
    {
        var movie = NewMovie();
        movie.IsLocked = true;
        movie.CriticRating = 40;

        var result = ItemMetadataWriter.Apply(movie, Data with { Awards = "Won 1 Oscar." }, new EnrichmentSettings { ScoreTags = true });

        Assert.Equal(ItemUpdateType.None, result.UpdateType);
        Assert.Equal(40f, movie.CriticRating);
        Assert.Equal(new[] { "Admin Tag" }, movie.Tags);
        Assert.Null(movie.GetProviderId(MetadataProvider.TmdbCollection));
        Assert.Null(movie.TmdbCollectionName);
    }

    [Fact]
    public void ALockedTagsFieldKeepsItsTagsWhileOtherFieldsAreStillWritten()
    {
        var movie = NewMovie();
        movie.LockedFields = new[] { MetadataField.Tags };

        ItemMetadataWriter.Apply(movie, Data, new EnrichmentSettings { ScoreTags = true });

        Assert.Equal(new[] { "Admin Tag" }, movie.Tags);
        Assert.Equal(93f, movie.CriticRating);
    }

    [Fact]
    public void TheAdminsTagsSurviveEvenWhenTmdbHasNoKeywords()
    {
        var movie = NewMovie();
        movie.Tags = new[] { "Favourite", "Kids" };

        ItemMetadataWriter.Apply(movie, Data with { Keywords = Array.Empty<string>() }, new EnrichmentSettings());

        Assert.Equal(new[] { "Favourite", "Kids" }, movie.Tags);
    }

    [Fact]
    public void ACollectionAlreadySetIsNotReplaced()
    {
        var movie = NewMovie();
        movie.SetProviderId(MetadataProvider.TmdbCollection, "999");
        movie.TmdbCollectionName = "My own box set";

        ItemMetadataWriter.Apply(movie, Data, new EnrichmentSettings());

        Assert.Equal("999", movie.GetProviderId(MetadataProvider.TmdbCollection));
        Assert.Equal("My own box set", movie.TmdbCollectionName);
    }

    [Fact]
    public void ScoreTagsAreAddedOnlyWhenSwitchedOn()
    {
        var off = NewMovie();
        ItemMetadataWriter.Apply(off, Data, new EnrichmentSettings());
        Assert.DoesNotContain(ItemMetadataWriter.OscarWinnerTag, off.Tags);
        Assert.DoesNotContain(ItemMetadataWriter.RottenTomatoes90Tag, off.Tags);

        var on = NewMovie();
        ItemMetadataWriter.Apply(on, Data, new EnrichmentSettings { ScoreTags = true });
        Assert.Contains(ItemMetadataWriter.OscarWinnerTag, on.Tags);
        Assert.Contains(ItemMetadataWriter.RottenTomatoes90Tag, on.Tags);
        Assert.DoesNotContain(ItemMetadataWriter.Metacritic80Tag, on.Tags);
        Assert.DoesNotContain(ItemMetadataWriter.OscarNomineeTag, on.Tags);
    }

    [Fact]
    public void ScoreTagsReadNominationsAndMetascores()
    {
        var tags = ItemMetadataWriter.ScoreTags(Data with { Awards = "Nominated for 1 Oscar. 3 wins & 9 nominations total", Metacritic = 80, CriticRating = 89 });

        Assert.Equal(new[] { ItemMetadataWriter.OscarNomineeTag, ItemMetadataWriter.Metacritic80Tag }, tags);
    }

    [Fact]
    public void SwitchedOffFieldsAreNotWritten()
    {
        var movie = NewMovie();

        var result = ItemMetadataWriter.Apply(movie, Data, new EnrichmentSettings { CriticRating = false, KeywordTags = false, Collections = false });

        Assert.False(result.Changed);
        Assert.Null(movie.CriticRating);
        Assert.Equal(new[] { "Admin Tag" }, movie.Tags);
    }

    [Fact]
    public void ASeriesGetsCriticRatingAndTagsButNoCollection()
    {
        var series = new Series { Id = Guid.NewGuid(), Name = "Chernobyl" };

        ItemMetadataWriter.Apply(series, Data, new EnrichmentSettings());

        Assert.Equal(93f, series.CriticRating);
        Assert.Contains("heist", series.Tags);
        Assert.Null(series.GetProviderId(MetadataProvider.TmdbCollection));
    }

    [Fact]
    public async Task ExtraCrewIsMergedOnceWithoutDuplicatesAndExistingPeopleKept()
    {
        var movie = NewMovie();
        var existing = new List<PersonInfo>
        {
            new() { Name = "George Clooney", Type = PersonKind.Actor, Role = "Danny Ocean" },
            new() { Name = "david holmes", Type = PersonKind.Composer, Role = "Composer" },
        };
        IReadOnlyList<PersonInfo>? saved = null;
        var library = new Mock<ILibraryManager>();
        library.Setup(l => l.GetPeople(movie)).Returns(() => saved ?? existing);
        library.Setup(l => l.UpdatePeopleAsync(movie, It.IsAny<IReadOnlyList<PersonInfo>>(), It.IsAny<CancellationToken>()))
            .Callback<BaseItem, IReadOnlyList<PersonInfo>, CancellationToken>((_, people, _) => saved = people)
            .Returns(Task.CompletedTask);

        Assert.True(await ItemMetadataWriter.MergeCrewAsync(library.Object, movie, Data, new EnrichmentSettings(), CancellationToken.None));
        Assert.False(await ItemMetadataWriter.MergeCrewAsync(library.Object, movie, Data, new EnrichmentSettings(), CancellationToken.None));

        library.Verify(l => l.UpdatePeopleAsync(movie, It.IsAny<IReadOnlyList<PersonInfo>>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.NotNull(saved);
        Assert.Equal(4, saved!.Count);
        Assert.Same(existing[0], saved[0]);
        Assert.Same(existing[1], saved[1]);
        var dop = Assert.Single(saved, p => p.Name == "Philippe Rousselot");
        Assert.Equal(PersonKind.Unknown, dop.Type);
        Assert.Equal(ItemMetadataWriter.CinematographerRole, dop.Role);
        Assert.Equal("1236", dop.GetProviderId(MetadataProvider.Tmdb));
        Assert.Equal(PersonKind.Editor, Assert.Single(saved, p => p.Name == "Stephen Mirrione").Type);
        Assert.DoesNotContain(saved, p => p.Name == "Steven Soderbergh");
    }

    [Fact]
    public async Task ALockedCastFieldIsNotTouched()
    {
        var movie = NewMovie();
        movie.LockedFields = new[] { MetadataField.Cast };
        var library = new Mock<ILibraryManager>(MockBehavior.Strict);

        Assert.False(await ItemMetadataWriter.MergeCrewAsync(library.Object, movie, Data, new EnrichmentSettings(), CancellationToken.None));
        Assert.False(await ItemMetadataWriter.MergeCrewAsync(library.Object, NewMovie(), Data, new EnrichmentSettings { ExtraCrew = false }, CancellationToken.None));

        library.VerifyNoOtherCalls();
    }

    [Fact]
    public void TheReaderMapsMoviesAndSeriesWithTheirIds()
    {
        var movie = NewMovie();
        movie.SetProviderId(MetadataProvider.Imdb, "tt0240772");
        var series = new Series { Id = Guid.NewGuid(), Name = "Chernobyl" };
        series.SetProviderId(MetadataProvider.Tvdb, "360893");
        var library = new Mock<ILibraryManager>();
        library.Setup(l => l.GetItemList(It.Is<InternalItemsQuery>(q => q.Recursive && q.IsVirtualItem == false && q.IncludeItemTypes.SequenceEqual(new[] { BaseItemKind.Movie, BaseItemKind.Series }))))
            .Returns(new BaseItem[] { movie, series });

        var items = new LibraryItemReader(library.Object).ReadAll();

        Assert.Equal(2, items.Count);
        Assert.Equal((MediaKind.Movie, "161", "tt0240772", (string?)null, (int?)2001), (items[0].Kind, items[0].TmdbId, items[0].ImdbId, items[0].TvdbId, items[0].Year));
        Assert.Equal((MediaKind.Series, "360893"), (items[1].Kind, items[1].TvdbId));
        Assert.Null(LibraryItemReader.ToLibraryItem(new Video()));
    }

    internal static Movie NewMovie()
    {
        var movie = new Movie { Id = Guid.NewGuid(), Name = "Ocean's Eleven", ProductionYear = 2001, Tags = new[] { "Admin Tag" } };
        movie.SetProviderId(MetadataProvider.Tmdb, "161");
        return movie;
    }
}
