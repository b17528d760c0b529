using System;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>The last run of one Trakt feature for one user, as the user page and the admin page show it.</summary>
/// <param name="Feature">The feature (see <see cref="TraktSyncFeatures"/>).</param>
/// <param name="RanAt">When it finished.</param>
/// <param name="Succeeded">Whether it completed.</param>
/// <param name="Summary">What it did, or why it stopped (user-readable, no secrets).</param>
public sealed record TraktSyncRun(string Feature, DateTimeOffset RanAt, bool Succeeded, string Summary);
