using System;
using System.Collections.Generic;
using System.Text;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// Picks without an AI provider: each title becomes a vector of its genres, the enrichment's keywords and themes, and
/// its people (hashed into a fixed number of slots), so titles sharing them are near. Coarser than embeddings, and
/// labelled as the fallback on the user page, but the feature degrades instead of disappearing.
/// </summary>
public static class FallbackVectors
{
    /// <summary>The vector length.</summary>
    public const int Dimensions = 512;

    /// <summary>The label picks made this way carry.</summary>
    public const string Label = "Fallback: from genres, keywords and people (no AI provider)";

    /// <summary>
    /// Builds the vectors of every title.
    /// </summary>
    /// <param name="titles">The titles.</param>
    /// <returns>Vector by item id (titles with nothing to describe them get none).</returns>
    public static Dictionary<Guid, QuantizedVector> For(IReadOnlyList<PickTitle> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var vectors = new Dictionary<Guid, QuantizedVector>(titles.Count);
        var values = new float[Dimensions];
        foreach (var title in titles)
        {
            Array.Clear(values);
            var any = Add(values, "g:", title.Genres, 1f) | Add(values, "k:", title.Tags, 1f) | Add(values, "p:", title.People, 0.7f);
            if (any)
            {
                vectors[title.Id] = QuantizedVector.From(values);
            }
        }

        return vectors;
    }

    private static bool Add(float[] values, string prefix, IReadOnlyList<string> features, float weight)
    {
        foreach (var feature in features)
        {
            var hash = Fnv1a(prefix + feature.Trim().ToUpperInvariant());
            values[hash % Dimensions] += (hash & 0x8000_0000) == 0 ? weight : -weight;
        }

        return features.Count > 0;
    }

    // A stable hash: string.GetHashCode differs between processes.
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
