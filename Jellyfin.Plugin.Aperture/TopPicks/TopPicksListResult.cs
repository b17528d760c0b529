namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>What one sync did to one list's collection.</summary>
/// <param name="ListId">The list id.</param>
/// <param name="Name">The list name.</param>
/// <param name="Synced">Whether the collection now follows the list (false: it was left as it was).</param>
/// <param name="Added">Members added.</param>
/// <param name="Removed">Members removed.</param>
/// <param name="Missing">Titles of the list the library lacks.</param>
/// <param name="Requests">MDBList requests spent on this list.</param>
/// <param name="Summary">The same in words.</param>
public sealed record TopPicksListResult(string ListId, string Name, bool Synced, int Added, int Removed, int Missing, int Requests, string Summary);
