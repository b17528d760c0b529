using System;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>A chosen Top Picks list with its options and its last run.</summary>
public sealed class TopPicksListView
{
    /// <summary>Gets MDBList's list id.</summary>
    public required string ListId { get; init; }

    /// <summary>Gets "movie" or "show".</summary>
    public required string Kind { get; init; }

    /// <summary>Gets the list's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the MDBList sort key, or null for the list's own order.</summary>
    public string? Sort { get; init; }

    /// <summary>Gets the MDBList genre slug filter, or null.</summary>
    public string? Genre { get; init; }

    /// <summary>Gets the most members the collection gets.</summary>
    public int MaxItems { get; init; }

    /// <summary>Gets the Jellyfin collection's id, once made.</summary>
    public Guid? CollectionId { get; init; }

    /// <summary>Gets when the list was last synced.</summary>
    public DateTimeOffset? LastRunAt { get; init; }

    /// <summary>Gets whether that run kept the collection in step.</summary>
    public bool? LastRunOk { get; init; }

    /// <summary>Gets what that run did.</summary>
    public string? LastSummary { get; init; }

    /// <summary>Gets when the list was last read whole.</summary>
    public DateTimeOffset? LastGoodAt { get; init; }

    /// <summary>Gets the MDBList requests the last run spent on this list.</summary>
    public int Requests { get; init; }
}
