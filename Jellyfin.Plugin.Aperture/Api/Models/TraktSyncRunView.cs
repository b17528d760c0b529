using System;
using System.Globalization;
using Jellyfin.Plugin.Aperture.TraktSync;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>The last run of one Trakt feature for a user, as the user page and the admin's Users list show it.</summary>
public sealed class TraktSyncRunView
{
    /// <summary>Gets the stored feature name (ratings, watchlist, suggestions).</summary>
    public required string Feature { get; init; }

    /// <summary>Gets the feature's display name, e.g. "Ratings".</summary>
    public required string Name { get; init; }

    /// <summary>Gets when it finished.</summary>
    public DateTimeOffset RanAt { get; init; }

    /// <summary>Gets a value indicating whether it completed.</summary>
    public bool Succeeded { get; init; }

    /// <summary>Gets what it did, or why it stopped.</summary>
    public required string Summary { get; init; }

    /// <summary>
    /// Builds the view of a run.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <returns>The view.</returns>
    public static TraktSyncRunView From(TraktSyncRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new TraktSyncRunView
        {
            Feature = run.Feature,
            Name = run.Feature.Length == 0 ? run.Feature : char.ToUpper(run.Feature[0], CultureInfo.InvariantCulture) + run.Feature[1..],
            RanAt = run.RanAt,
            Succeeded = run.Succeeded,
            Summary = run.Summary,
        };
    }
}
