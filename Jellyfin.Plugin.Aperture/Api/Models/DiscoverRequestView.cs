namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>How a request ended.</summary>
public sealed class DiscoverRequestView
{
    /// <summary>Gets Requested, AlreadyRequested, NotMapped, NotAllowed, Unavailable or Invalid.</summary>
    public required string Status { get; init; }

    /// <summary>Gets what the user reads.</summary>
    public required string Message { get; init; }
}
