using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Integrations.Seerr;

/// <summary>What a request to one Radarr or Sonarr server may choose.</summary>
/// <param name="Profiles">The quality profiles (id, name).</param>
/// <param name="RootFolders">The root folders' paths.</param>
public sealed record SeerrServiceDetails(IReadOnlyList<SeerrProfile> Profiles, IReadOnlyList<string> RootFolders);
