namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>What one poll of a device link found; a page shows each differently.</summary>
public enum TraktLinkPollStatus
{
    /// <summary>The user approved: the tokens are saved and the link is done.</summary>
    Linked,

    /// <summary>The user has not finished on trakt.tv yet: poll again at the interval.</summary>
    Pending,

    /// <summary>Trakt asked to poll less often: the interval grew; poll again at the new interval.</summary>
    SlowDown,

    /// <summary>The code expired before the user finished: start again.</summary>
    Expired,

    /// <summary>The user declined on trakt.tv: start again if that was a mistake.</summary>
    Denied,

    /// <summary>Trakt says the code was already used: start again.</summary>
    AlreadyUsed,

    /// <summary>Trakt does not know the code: start again.</summary>
    InvalidCode,

    /// <summary>No link is in progress for this user: start one.</summary>
    NoLinkInProgress,

    /// <summary>Trakt could not be asked or did not answer usefully (not set up, app refused, outage); the code is kept, poll again later.</summary>
    Failed,
}
