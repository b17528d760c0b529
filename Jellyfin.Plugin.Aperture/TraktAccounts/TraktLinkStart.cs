namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// The answer to starting a device link.
/// </summary>
/// <param name="Pending">The code to show and when to poll, or null when Trakt issued none.</param>
/// <param name="Message">What happened, for the user.</param>
public sealed record TraktLinkStart(TraktPendingLink? Pending, string Message)
{
    /// <summary>Gets a value indicating whether a code was issued.</summary>
    public bool Started => Pending is not null;
}
