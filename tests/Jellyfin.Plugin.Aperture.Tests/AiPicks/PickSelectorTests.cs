using System;
using System.Collections.Generic;
using System.Linq;
using Jellyfin.Plugin.Aperture.AiPicks;
using Jellyfin.Plugin.Aperture.Enrichment;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.AiPicks;

/// <summary>The picks' diversity, movie/series mix and the 8-bit vectors, on hand-made vectors.</summary>
public sealed class PickSelectorTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ACollectionGivesAtMostTwoPicksAndNeverTwoInARow()
    {
        // Five sequels nearest the taste, then unrelated titles a little further away.
        var titles = new List<PickTitle>();
        var vectors = new Dictionary<Guid, QuantizedVector>();
        var liked = Add(titles, vectors, "Liked", MediaKind.Movie, null, 1f, 0f);
        var liked2 = Add(titles, vectors, "Liked 2", MediaKind.Movie, null, 1f, 0f);
        var liked3 = Add(titles, vectors, "Liked 3", MediaKind.Movie, null, 1f, 0f);
        for (var i = 0; i < 5; i++)
        {
            Add(titles, vectors, "Saga " + i, MediaKind.Movie, "saga", 1f, 0.05f * i);
        }

        for (var i = 0; i < 5; i++)
        {
            Add(titles, vectors, "Other " + i, MediaKind.Movie, null, 1f, 0.5f + (0.05f * i));
        }

        var profile = Profile(vectors, liked, liked2, liked3);
        var picks = PickSelector.Select(profile, titles, vectors, new HashSet<Guid> { liked, liked2, liked3 }, new PickOptions("P", 6, 100));

        var collections = picks.Select(p => titles.Single(t => t.Id == p.ItemId).Collection).ToList();
        Assert.Equal(6, picks.Count);
        Assert.Equal(2, collections.Count(c => c == "saga"));
        Assert.DoesNotContain(collections.Zip(collections.Skip(1)), pair => pair.First == "saga" && pair.Second == "saga");
        Assert.Equal("Saga 0", picks[0].Name);
    }

    [Fact]
    public void TheMovieShareSplitsPicksBetweenMoviesAndSeriesAndAShortKindLendsItsPlaces()
    {
        var titles = new List<PickTitle>();
        var vectors = new Dictionary<Guid, QuantizedVector>();
        var liked = Add(titles, vectors, "Liked", MediaKind.Movie, null, 1f, 0f);
        var liked2 = Add(titles, vectors, "Liked 2", MediaKind.Movie, null, 1f, 0f);
        var liked3 = Add(titles, vectors, "Liked 3", MediaKind.Movie, null, 1f, 0f);
        for (var i = 0; i < 10; i++)
        {
            Add(titles, vectors, "Movie " + i, MediaKind.Movie, null, 1f, 0.01f * i);
        }

        for (var i = 0; i < 3; i++)
        {
            Add(titles, vectors, "Series " + i, MediaKind.Series, null, 1f, 0.5f + (0.01f * i));
        }

        var profile = Profile(vectors, liked, liked2, liked3);
        var excluded = new HashSet<Guid> { liked, liked2, liked3 };
        var half = PickSelector.Select(profile, titles, vectors, excluded, new PickOptions("P", 6, 50));
        Assert.Equal(3, half.Count(p => p.Name.StartsWith("Series", StringComparison.Ordinal)));

        // Half of 10 would be 5 series; only 3 exist, so movies fill the other places.
        var ten = PickSelector.Select(profile, titles, vectors, excluded, new PickOptions("P", 10, 50));
        Assert.Equal(10, ten.Count);
        Assert.Equal(3, ten.Count(p => p.Name.StartsWith("Series", StringComparison.Ordinal)));
    }

    [Fact]
    public void EightBitVectorsKeepCosineSimilarityAndTakeOneBytePerDimension()
    {
        var random = new Random(7);
        for (var n = 0; n < 50; n++)
        {
            var a = Enumerable.Range(0, 256).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
            var b = a.Select(v => v + (float)((random.NextDouble() * 2) - 1)).ToArray();
            var exact = Dot(a, b) / Math.Sqrt(Dot(a, a) * Dot(b, b));
            var qa = QuantizedVector.From(a);
            var qb = QuantizedVector.From(b);
            Assert.InRange(qa.Cosine(qb) - exact, -0.02, 0.02);
            Assert.Equal(256, qa.ToBytes().Length);
            var back = QuantizedVector.FromBytes(qa.ToBytes(), qa.Scale);
            Assert.Equal(qa.Cosine(qb), back.Cosine(qb));
        }
    }

    [Fact]
    public void RatingsLikesFavouritesAndFinishedPlaysPullTowardsATitleAndAbandonedOrDislikedOnesAway()
    {
        var id = Guid.NewGuid();
        Assert.True(TasteProfile.Weight(new UserSignal(id, true, null, false, null, 9, _now), _now)!.Value.Weight > 1);
        Assert.True(TasteProfile.Weight(new UserSignal(id, true, null, false, null, 2, _now), _now)!.Value.Weight < 0);
        Assert.Equal("loved", TasteProfile.Weight(new UserSignal(id, false, null, true, null, null, null), _now)!.Value.Verb);
        Assert.True(TasteProfile.Weight(new UserSignal(id, false, null, false, false, null, null), _now)!.Value.Weight < 0);

        // Stopped a third of the way in a month ago: given up. Stopped yesterday: still watching.
        Assert.True(TasteProfile.Weight(new UserSignal(id, false, 0.3, false, null, null, _now.AddDays(-30)), _now)!.Value.Weight < 0);
        Assert.True(TasteProfile.Weight(new UserSignal(id, false, 0.3, false, null, null, _now.AddDays(-1)), _now)!.Value.Weight > 0);
        Assert.Null(TasteProfile.Weight(new UserSignal(id, false, null, false, null, null, null), _now));
    }

    [Fact]
    public void RecentTitlesShapeTheProfileMoreThanOldOnes()
    {
        var vectors = new Dictionary<Guid, QuantizedVector>();
        var titles = new List<PickTitle>();
        var recent = Add(titles, vectors, "Recent", MediaKind.Movie, null, 1f, 0f);
        var old = Add(titles, vectors, "Old", MediaKind.Movie, null, 0f, 1f);
        var third = Add(titles, vectors, "Third", MediaKind.Movie, null, 0.7f, 0.7f);
        var profile = TasteProfile.Build(
            [
                new UserSignal(recent, true, null, false, null, 8, _now.AddDays(-5)),
                new UserSignal(old, true, null, false, null, 8, _now.AddYears(-3)),
                new UserSignal(third, true, null, false, null, 8, _now.AddDays(-5)),
            ],
            vectors,
            _now,
            out _)!;
        Assert.True(vectors[recent].Cosine(profile.Vector.Span) > vectors[old].Cosine(profile.Vector.Span));
    }

    private static TasteProfile Profile(Dictionary<Guid, QuantizedVector> vectors, params Guid[] liked) =>
        TasteProfile.Build(liked.Select(id => new UserSignal(id, true, null, false, null, 9, _now)).ToList(), vectors, _now, out _)!;

    private static Guid Add(List<PickTitle> titles, Dictionary<Guid, QuantizedVector> vectors, string name, MediaKind kind, string? collection, float x, float y)
    {
        var id = Guid.NewGuid();
        titles.Add(new PickTitle(id, kind, name, 2000, [], null, [], [], collection));
        vectors[id] = QuantizedVector.From(new[] { x, y, 0.1f });
        return id;
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);
}
