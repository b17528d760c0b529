using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Jellyfin.Plugin.Aperture.Discovery;

namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>
/// Checks the Top Picks settings an admin saves; a bad value is refused with a clear reason and nothing is saved.
/// </summary>
public static partial class TopPicksSettingsCheck
{
    /// <summary>The most lists per kind: each is a collection and a sync's worth of requests.</summary>
    public const int MaxListsPerKind = 20;

    /// <summary>
    /// Checks the settings.
    /// </summary>
    /// <param name="choices">The chosen lists.</param>
    /// <param name="namePattern">The collection name pattern.</param>
    /// <returns>The problem in words, or null when they are fine.</returns>
    public static string? Problem(IReadOnlyList<TopPicksListChoice> choices, string? namePattern)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (string.IsNullOrWhiteSpace(namePattern) || namePattern.Length > 200 || !namePattern.Contains("{list}", StringComparison.Ordinal))
        {
            return "The collection name must contain {list} (the list's name), e.g. \"Top Picks: {list}\", and be at most 200 characters.";
        }

        foreach (var choice in choices)
        {
            if (!ListId().IsMatch(choice.ListId ?? string.Empty))
            {
                return $"\"{choice.ListId}\" is not an MDBList list id (a number).";
            }

            if (choice.Kind is not (MissingTitle.Movie or MissingTitle.Show))
            {
                return $"List {choice.ListId}: the kind must be \"movie\" or \"show\".";
            }

            if (string.IsNullOrWhiteSpace(choice.Name) || choice.Name.Length > 200)
            {
                return $"List {choice.ListId}: the name must be 1 to 200 characters.";
            }

            if (choice.Sort is not null && !TopPicksSorts.IsKnown(choice.Sort))
            {
                return $"List {choice.Name}: \"{choice.Sort}\" is not an MDBList sort; use one of {string.Join(", ", TopPicksSorts.Keys)}.";
            }

            if (choice.Genre is not null && !Genre().IsMatch(choice.Genre))
            {
                return $"List {choice.Name}: a genre is an MDBList genre slug such as \"action\" or \"science-fiction\".";
            }

            if (choice.MaxItems is < 1 or > TopPicksListChoice.LargestMaxItems)
            {
                return $"List {choice.Name}: the maximum must be between 1 and {TopPicksListChoice.LargestMaxItems}.";
            }
        }

        if (choices.GroupBy(c => c.ListId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return $"List {twice.Key} is chosen twice; choose each list once, as movies or as series.";
        }

        return choices.GroupBy(c => c.Kind).Any(g => g.Count() > MaxListsPerKind)
            ? $"Choose at most {MaxListsPerKind} lists for movies and {MaxListsPerKind} for series."
            : null;
    }

    [GeneratedRegex("^[0-9]{1,12}$")]
    private static partial Regex ListId();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Genre();
}
