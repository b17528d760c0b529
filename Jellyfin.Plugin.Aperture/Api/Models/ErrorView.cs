namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>The body of a 400 or 404 answer: what was wrong, in words an admin understands.</summary>
public sealed class ErrorView
{
    /// <summary>Gets the message.</summary>
    public required string Message { get; init; }
}
