using System;
using System.Collections.Generic;
using System.Linq;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// A user's taste as one unit vector: the weighted sum of the vectors of what they finished, favourited, liked or
/// rated highly, minus what they disliked or abandoned, recent titles counting more. Below
/// <see cref="MinimumLiked"/> liked titles there is no profile: too little history gives noise, not picks.
/// </summary>
public sealed class TasteProfile
{
    /// <summary>How many titles a user must have finished or liked before picks are made.</summary>
    public const int MinimumLiked = 3;

    // A title watched a year ago counts half as much as one watched today; never less than a quarter.
    private const double HalfLifeDays = 365;
    private const double MinimumRecency = 0.25;

    // An unfinished play older than this was given up, not paused.
    private static readonly TimeSpan _abandonedAfter = TimeSpan.FromDays(14);

    private TasteProfile(float[] vector, IReadOnlyList<LikedTitle> liked)
    {
        Vector = vector;
        Liked = liked;
    }

    /// <summary>Gets the unit vector.</summary>
    public ReadOnlyMemory<float> Vector { get; }

    /// <summary>Gets the titles the user liked, most weighty first: the "because" of each pick.</summary>
    public IReadOnlyList<LikedTitle> Liked { get; }

    /// <summary>
    /// Builds a user's profile.
    /// </summary>
    /// <param name="signals">The user's signals.</param>
    /// <param name="vectors">The title vectors.</param>
    /// <param name="now">The current time.</param>
    /// <param name="likedCount">How many liked titles with a vector were found.</param>
    /// <returns>The profile, or null when there is not enough history.</returns>
    public static TasteProfile? Build(IReadOnlyList<UserSignal> signals, IReadOnlyDictionary<Guid, QuantizedVector> vectors, DateTimeOffset now, out int likedCount)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(vectors);
        float[]? sum = null;
        var liked = new List<LikedTitle>();
        foreach (var signal in signals)
        {
            if (!vectors.TryGetValue(signal.ItemId, out var vector) || Weight(signal, now) is not { } weighed)
            {
                continue;
            }

            var (weight, verb) = weighed;
            sum ??= new float[vector.Dimensions];
            if (sum.Length != vector.Dimensions)
            {
                continue;
            }

            var recency = Recency(signal.LastPlayed, now);
            vector.AddTo(sum, (float)(weight * recency));
            if (weight > 0)
            {
                liked.Add(new LikedTitle(signal.ItemId, verb, weight * recency));
            }
        }

        likedCount = liked.Count;
        if (sum is null || liked.Count < MinimumLiked)
        {
            return null;
        }

        var norm = Math.Sqrt(sum.Sum(v => (double)v * v));
        if (norm == 0)
        {
            return null;
        }

        return new TasteProfile(sum.Select(v => (float)(v / norm)).ToArray(), liked.OrderByDescending(l => l.Weight).ToList());
    }

    /// <summary>
    /// Weighs one signal: ratings say most, then likes and favourites, then a finished play; an abandoned play or a
    /// dislike pulls away.
    /// </summary>
    /// <param name="signal">The signal.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The weight and the verb for a reason, or null when the signal says nothing.</returns>
    internal static (double Weight, string Verb)? Weight(UserSignal signal, DateTimeOffset now)
    {
        double weight = 0;
        var verb = "watched";
        if (signal.Rating is { } rating)
        {
            // 10 → +2, 5.5 → 0, 1 → −2.
            weight += (rating - 5.5) / 2.25;
            verb = rating >= 6.5 ? "liked" : verb;
        }
        else if (signal.Likes is { } likes)
        {
            weight += likes ? 1.5 : -1.5;
            verb = likes ? "liked" : verb;
        }

        if (signal.IsFavorite)
        {
            weight += 1.5;
            verb = "loved";
        }

        if (signal.Played)
        {
            weight += 1;
        }
        else if (signal.Progress is > 0 and < 0.8 && signal.LastPlayed is { } last && now - last > _abandonedAfter)
        {
            weight -= 0.7;
        }
        else if (signal.Progress > 0)
        {
            weight += 0.3;
        }

        return weight == 0 ? null : (weight, verb);
    }

    private static double Recency(DateTimeOffset? lastPlayed, DateTimeOffset now)
    {
        if (lastPlayed is not { } last)
        {
            return 0.5;
        }

        var days = Math.Max(0, (now - last).TotalDays);
        return Math.Max(MinimumRecency, Math.Pow(0.5, days / HalfLifeDays));
    }
}
