using System;

namespace Jellyfin.Plugin.Aperture.TraktWatchlist;

/// <summary>
/// One entry of a Jellyfin playlist: the item it plays and the library title it belongs to. A series put on a
/// playlist becomes its episodes, so an episode entry belongs to its series.
/// </summary>
/// <param name="ItemId">The item the entry plays (a movie or an episode).</param>
/// <param name="TitleId">The movie, or the episode's series.</param>
public sealed record PlaylistEntry(Guid ItemId, Guid TitleId);
