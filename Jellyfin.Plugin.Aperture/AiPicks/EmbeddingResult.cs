using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>One embeddings call's vectors, or why there are none.</summary>
/// <param name="Vectors">One vector per input, in order; null on failure.</param>
/// <param name="Error">What went wrong, for an admin; null on success.</param>
public sealed record EmbeddingResult(IReadOnlyList<float[]>? Vectors, string? Error)
{
    /// <summary>
    /// Builds a failed result.
    /// </summary>
    /// <param name="error">What went wrong.</param>
    /// <returns>The result.</returns>
    public static EmbeddingResult Failed(string error) => new(null, error);
}
