using System;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>A title that pulls a user's taste towards it.</summary>
/// <param name="ItemId">The title.</param>
/// <param name="Verb">How the user showed it: "watched", "liked" or "loved".</param>
/// <param name="Weight">How much it counts (recency included).</param>
public sealed record LikedTitle(Guid ItemId, string Verb, double Weight);
