namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// The answer to unlinking a user's Trakt account.
/// </summary>
/// <param name="WasLinked">Whether anything was stored for the user.</param>
/// <param name="Revoked">Whether Trakt confirmed it revoked the access token.</param>
/// <param name="Message">What happened, for the user or the admin.</param>
public sealed record TraktUnlinkResult(bool WasLinked, bool Revoked, string Message);
