namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// A user's access to Trakt for one piece of work. <see cref="ToString"/> never shows the token.
/// </summary>
/// <param name="Status">Whether the calls can go ahead.</param>
/// <param name="AccessToken">The Bearer token when <see cref="Status"/> is <see cref="TraktAccessStatus.Valid"/>.</param>
/// <param name="Message">Why not, for logs and the user.</param>
public sealed record TraktAccess(TraktAccessStatus Status, string? AccessToken, string Message)
{
    /// <inheritdoc />
    public override string ToString() => "TraktAccess { " + Status + ", token redacted }";
}
