using System;

namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>A request a user made through Discover, and what became of it.</summary>
/// <param name="UserId">The Jellyfin user.</param>
/// <param name="Kind">"movie" or "show".</param>
/// <param name="Tmdb">The TMDb id.</param>
/// <param name="Title">The title as Discover listed it.</param>
/// <param name="SeerrUserId">The Seerr user it was made as.</param>
/// <param name="RequestedAt">When it was made.</param>
/// <param name="Status">Seerr's last status (a <see cref="Integrations.Seerr.SeerrAvailability"/> name), or null before the first check.</param>
/// <param name="DoneAt">When the title was found in the user's Jellyfin library, or null while open.</param>
public sealed record SeerrRequestRecord(Guid UserId, string Kind, long Tmdb, string Title, long SeerrUserId, DateTimeOffset RequestedAt, string? Status, DateTimeOffset? DoneAt);
