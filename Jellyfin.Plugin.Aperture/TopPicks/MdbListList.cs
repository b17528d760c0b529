namespace Jellyfin.Plugin.Aperture.TopPicks;

/// <summary>An MDBList list as the list endpoints describe it.</summary>
/// <param name="Id">MDBList's numeric list id, as text.</param>
/// <param name="Name">The list's name.</param>
/// <param name="Owner">The user who made it, when known.</param>
/// <param name="Slug">The list's slug, when known.</param>
/// <param name="Items">How many titles it holds, when MDBList says.</param>
/// <param name="MediaType">"movie", "show", or null when mixed or unknown.</param>
/// <param name="Likes">Its likes, when known.</param>
public sealed record MdbListList(string Id, string Name, string? Owner, string? Slug, int? Items, string? MediaType, int? Likes);
