using System;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>A request the user made through Discover.</summary>
public sealed class DiscoverRequestedView
{
    /// <summary>Gets "movie" or "show".</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the title.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the TMDb id.</summary>
    public required long TmdbId { get; init; }

    /// <summary>Gets when it was requested.</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>Gets InLibrary once the title is in the user's library, else Seerr's last status name.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the status in words.</summary>
    public required string StatusText { get; init; }
}
