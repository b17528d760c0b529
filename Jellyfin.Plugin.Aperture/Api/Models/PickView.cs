namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>One pick on the user page.</summary>
public sealed class PickView
{
    /// <summary>Gets the item id.</summary>
    public required string ItemId { get; init; }

    /// <summary>Gets the title.</summary>
    public required string Name { get; init; }

    /// <summary>Gets why it was picked.</summary>
    public required string Reason { get; init; }
}
