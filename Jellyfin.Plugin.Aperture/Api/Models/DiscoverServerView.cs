using System.Collections.Generic;
using Jellyfin.Plugin.Aperture.Integrations.Seerr;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>A Radarr/Sonarr server a request may go to, with its profiles and folders.</summary>
public sealed class DiscoverServerView
{
    /// <summary>Gets Seerr's id of the server.</summary>
    public long Id { get; init; }

    /// <summary>Gets the name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets a value indicating whether it is a 4K server.</summary>
    public bool Is4k { get; init; }

    /// <summary>Gets a value indicating whether it is the default server.</summary>
    public bool IsDefault { get; init; }

    /// <summary>Gets the quality profiles.</summary>
    public IReadOnlyList<SeerrProfile> Profiles { get; init; } = [];

    /// <summary>Gets the root folders.</summary>
    public IReadOnlyList<string> RootFolders { get; init; } = [];
}
