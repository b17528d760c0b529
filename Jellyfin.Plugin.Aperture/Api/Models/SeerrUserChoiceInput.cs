namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>The admin's choice for one user.</summary>
public sealed class SeerrUserChoiceInput
{
    /// <summary>Gets the Seerr user id; 0 means "no Seerr account"; null goes back to automatic matching.</summary>
    public long? SeerrUserId { get; init; }
}
