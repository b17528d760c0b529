namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>A list to save or preview.</summary>
public sealed class TopPicksListRequest
{
    /// <summary>Gets or sets MDBList's list id.</summary>
    public string? ListId { get; set; }

    /// <summary>Gets or sets "movie" or "show".</summary>
    public string? Kind { get; set; }

    /// <summary>Gets or sets the list's name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets an MDBList sort key, or null.</summary>
    public string? Sort { get; set; }

    /// <summary>Gets or sets an MDBList genre slug, or null.</summary>
    public string? Genre { get; set; }

    /// <summary>Gets or sets the most members (default 100).</summary>
    public int? MaxItems { get; set; }
}
