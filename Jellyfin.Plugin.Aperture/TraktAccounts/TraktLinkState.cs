namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>Where a Jellyfin user's Trakt link stands.</summary>
public enum TraktLinkState
{
    /// <summary>The user never linked, or unlinked.</summary>
    NotLinked,

    /// <summary>A device code was issued and the user has not finished on trakt.tv yet.</summary>
    Pending,

    /// <summary>Tokens are stored; Trakt calls for the user work.</summary>
    Linked,

    /// <summary>Trakt stopped accepting the link (refused refresh, revoked app); the user must link again.</summary>
    LinkAgain,
}
