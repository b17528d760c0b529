using System;

namespace Jellyfin.Plugin.Aperture.AiPicks;

/// <summary>One pick for a user.</summary>
/// <param name="ItemId">The movie or series.</param>
/// <param name="Name">Its title.</param>
/// <param name="Reason">Why, in a sentence the user reads.</param>
public sealed record Pick(Guid ItemId, string Name, string Reason);
