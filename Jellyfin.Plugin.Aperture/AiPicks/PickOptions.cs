using System;
using System.Collections.Generic;
using System.Globalization;
using Jellyfin.Plugin.Aperture.Integrations.Ai;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>The picks settings, read from the AI provider's options.</summary>
/// <param name="PlaylistName">Each user's picks playlist name.</param>
/// <param name="Count">How many picks.</param>
/// <param name="MoviePercent">The share of picks that are movies.</param>
public sealed record PickOptions(string PlaylistName, int Count, int MoviePercent)
{
    /// <summary>Gets the defaults.</summary>
    public static PickOptions Default { get; } = new(AiOptions.DefaultPicksPlaylist, 20, 70);

    /// <summary>
    /// Reads the options; a missing or unreadable value takes its default.
    /// </summary>
    /// <param name="options">The AI provider's effective options.</param>
    /// <returns>The settings.</returns>
    public static PickOptions From(IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var name = options.TryGetValue(AiOptions.PicksPlaylist, out var n) && !string.IsNullOrWhiteSpace(n) ? n.Trim() : Default.PlaylistName;
        return new PickOptions(
            name,
            Number(options, AiOptions.PicksCount, Default.Count, 1, 200),
            Number(options, AiOptions.PicksMovieShare, Default.MoviePercent, 0, 100));
    }

    private static int Number(IReadOnlyDictionary<string, string> options, string key, int fallback, int min, int max) =>
        options.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? Math.Clamp(value, min, max)
            : fallback;
}
