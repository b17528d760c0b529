using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>The signed-in user's Discover section: their Seerr standing and the missing titles.</summary>
public sealed class DiscoverView
{
    /// <summary>Gets a value indicating whether Seerr is set up on the server.</summary>
    public required bool SeerrConfigured { get; init; }

    /// <summary>Gets the Seerr user the signed-in user requests as, or null.</summary>
    public string? SeerrUser { get; init; }

    /// <summary>Gets why the user cannot request, or null when they can.</summary>
    public string? Problem { get; init; }

    /// <summary>Gets a value indicating whether the user may request movies.</summary>
    public bool CanRequestMovies { get; init; }

    /// <summary>Gets a value indicating whether the user may request series.</summary>
    public bool CanRequestSeries { get; init; }

    /// <summary>Gets the movie requests left in the user's quota, or null for no limit.</summary>
    public int? MoviesLeft { get; init; }

    /// <summary>Gets the series requests left in the user's quota, or null for no limit.</summary>
    public int? SeriesLeft { get; init; }

    /// <summary>Gets the titles.</summary>
    public required IReadOnlyList<DiscoverItemView> Items { get; init; }

    /// <summary>Gets the requests the user made through Discover, newest first.</summary>
    public required IReadOnlyList<DiscoverRequestedView> Requests { get; init; }
}
