using Jellyfin.Plugin.Aperture.Integrations.Seerr;

namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>A Jellyfin user's standing in Seerr: who they are there and what they may request, or why not known.</summary>
/// <param name="Match">The Seerr user and how it was found; null when Seerr could not be asked.</param>
/// <param name="Rights">What the user may request; null when unmapped or unknown.</param>
/// <param name="Problem">Why the user cannot request, in their words; null when they can.</param>
public sealed record SeerrAccount(SeerrUserMatch? Match, SeerrRights? Rights, string? Problem);
