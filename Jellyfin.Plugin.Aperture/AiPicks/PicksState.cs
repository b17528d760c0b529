using System;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>A user's last picks refresh.</summary>
/// <param name="PlaylistId">Their picks playlist, or null before one was made.</param>
/// <param name="Source">What the picks came from: the embedding model, or the fallback label.</param>
/// <param name="Message">What the refresh found, e.g. "not enough history yet".</param>
/// <param name="RefreshedAt">When.</param>
public sealed record PicksState(Guid? PlaylistId, string Source, string Message, DateTimeOffset RefreshedAt);
