namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>The answer to unlinking Trakt.</summary>
public sealed class TraktUnlinkView
{
    /// <summary>Gets a value indicating whether anything was linked.</summary>
    public required bool WasLinked { get; init; }

    /// <summary>Gets a value indicating whether Trakt confirmed the revocation of Aperture's access.</summary>
    public required bool Revoked { get; init; }

    /// <summary>Gets what happened.</summary>
    public required string Message { get; init; }
}
