using System.Collections.Generic;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>One missing title on the Discover section.</summary>
public sealed class DiscoverItemView
{
    /// <summary>Gets "movie" or "show".</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the title.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the year, when known.</summary>
    public int? Year { get; init; }

    /// <summary>Gets the TMDb id, when known (needed to request).</summary>
    public long? TmdbId { get; init; }

    /// <summary>Gets the poster's address on TMDb's image server, when known.</summary>
    public string? PosterUrl { get; init; }

    /// <summary>Gets why it is listed.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Gets Seerr's status (Unknown, Pending, Processing, PartlyAvailable, Available, Blocklisted, Deleted), or null when not known.</summary>
    public string? Status { get; init; }

    /// <summary>Gets Seerr's status in words.</summary>
    public required string StatusText { get; init; }

    /// <summary>Gets a value indicating whether the Request button is offered.</summary>
    public required bool CanRequest { get; init; }
}
