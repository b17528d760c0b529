using System;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>A user's rating of one item as Aperture last saw it change.</summary>
/// <param name="Value">The rating on Trakt's scale, or null when unrated.</param>
/// <param name="At">When it changed.</param>
public sealed record LocalRatingTime(int? Value, DateTimeOffset At);
