namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>Whether a user's Trakt calls can go ahead.</summary>
public enum TraktAccessStatus
{
    /// <summary>A valid access token is at hand.</summary>
    Valid,

    /// <summary>The user has not linked Trakt: skip them.</summary>
    NotLinked,

    /// <summary>Trakt stopped accepting the link: skip the user until they link again.</summary>
    LinkAgain,

    /// <summary>The token is expired and could not be refreshed right now (outage, app refused): try again later.</summary>
    Unavailable,
}
