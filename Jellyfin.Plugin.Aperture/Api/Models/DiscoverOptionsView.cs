using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>What the signed-in user may choose when requesting a movie or a series, besides seasons.</summary>
public sealed class DiscoverOptionsView
{
    /// <summary>Gets a value indicating whether the user may choose server, profile and folder (Seerr's advanced requests).</summary>
    public bool CanChooseServer { get; init; }

    /// <summary>Gets a value indicating whether "4K" is offered (the user may request 4K and a 4K server exists).</summary>
    public bool Offer4k { get; init; }

    /// <summary>Gets the servers to choose from (empty unless <see cref="CanChooseServer"/>).</summary>
    public IReadOnlyList<DiscoverServerView> Servers { get; init; } = [];
}
