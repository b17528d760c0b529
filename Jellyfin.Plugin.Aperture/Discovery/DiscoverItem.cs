using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;

namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>A missing title as the Discover section shows it.</summary>
/// <param name="Title">The missing title (first source's).</param>
/// <param name="Reasons">Why it is listed, one line per source.</param>
/// <param name="Availability">Seerr's status, or null when Seerr was not asked or did not answer.</param>
/// <param name="PosterPath">TMDb's poster path from Seerr, when known.</param>
public sealed record DiscoverItem(MissingTitle Title, IReadOnlyList<string> Reasons, SeerrAvailability? Availability, string? PosterPath = null);
