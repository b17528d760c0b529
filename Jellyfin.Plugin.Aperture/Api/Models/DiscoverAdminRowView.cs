namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>One missing title of one user (or of everyone, for a server-wide list), for the admin.</summary>
public sealed class DiscoverAdminRowView
{
    /// <summary>Gets the user name, or null for a server-wide list every user sees.</summary>
    public string? UserName { get; init; }

    /// <summary>Gets "movie" or "show".</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the title.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the year, when known.</summary>
    public int? Year { get; init; }

    /// <summary>Gets the TMDb id, when known.</summary>
    public long? TmdbId { get; init; }

    /// <summary>Gets why it is listed.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the status of the user's request made through Discover, or null when they made none.</summary>
    public string? Requested { get; init; }
}
