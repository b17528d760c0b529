using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>
/// The text a title is embedded from, and its hash: a title is embedded again only when this text changes.
/// </summary>
public static class EmbeddingText
{
    // Keeps one request's inputs well under every provider's per-input token limit.
    private const int MaxOverviewChars = 1500;
    private const int MaxTags = 25;

    /// <summary>
    /// Builds the text for a title: title and year, kind, genres, keywords and themes, then the overview.
    /// </summary>
    /// <param name="title">The title.</param>
    /// <returns>The text.</returns>
    public static string For(PickTitle title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var text = new StringBuilder();
        text.Append(title.Name.Trim());
        if (title.Year is { } year)
        {
            text.Append(" (").Append(year).Append(')');
        }

        text.Append(title.Kind == Enrichment.MediaKind.Series ? ". TV series." : ". Film.");
        if (title.Genres.Count > 0)
        {
            text.Append(" Genres: ").Append(string.Join(", ", title.Genres.Select(g => g.Trim()).Order(StringComparer.Ordinal))).Append('.');
        }

        // AI mood tags are left out: they are written after embedding and would make every title embed again.
        var tags = title.Tags.Select(t => t.Trim()).Where(t => !t.StartsWith(MoodTagger.Prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (tags.Count > 0)
        {
            text.Append(" Keywords: ").Append(string.Join(", ", tags.Order(StringComparer.Ordinal).Take(MaxTags))).Append('.');
        }

        if (!string.IsNullOrWhiteSpace(title.Overview))
        {
            var overview = title.Overview.Trim();
            text.Append(' ').Append(overview.Length > MaxOverviewChars ? overview[..MaxOverviewChars] : overview);
        }

        return text.ToString();
    }

    /// <summary>
    /// Hashes a text (SHA-256, first 16 bytes as hex): enough to notice any change, small to store.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The hash.</returns>
    public static string Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}
