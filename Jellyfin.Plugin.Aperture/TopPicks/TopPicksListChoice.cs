namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>A list the admin chose to become a Top Picks collection, with its options.</summary>
/// <param name="ListId">MDBList's numeric list id.</param>
/// <param name="Kind">"movie" or "show": which library items may join the collection.</param>
/// <param name="Name">The list's name, shown in the collection name.</param>
/// <param name="Sort">An MDBList sort key (rank, score, imdbpopular, tmdbpopular, …), or null for the list's own order.</param>
/// <param name="Genre">An MDBList genre slug to keep only that genre, or null for all.</param>
/// <param name="MaxItems">The most members the collection gets (the best-ranked ones).</param>
public sealed record TopPicksListChoice(string ListId, string Kind, string Name, string? Sort, string? Genre, int MaxItems)
{
    /// <summary>The default maximum members per collection.</summary>
    public const int DefaultMaxItems = 100;

    /// <summary>The largest maximum an admin may set.</summary>
    public const int LargestMaxItems = 1000;
}
