using System;
using Jellyfin.Plugin.Aperture.Integrations.Trakt;

namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// One Jellyfin user's stored Trakt link.
/// </summary>
/// <param name="UserId">The Jellyfin user id.</param>
/// <param name="Tokens">The decrypted tokens, or null when there are none (or they can no longer be decrypted).</param>
/// <param name="LinkedAt">When the user linked.</param>
/// <param name="NeedsRelinkSince">When Trakt stopped accepting the link, or null.</param>
/// <param name="RelinkReason">Why, for the user and the admin.</param>
public sealed record TraktAccount(Guid UserId, TraktTokenGrant? Tokens, DateTimeOffset? LinkedAt, DateTimeOffset? NeedsRelinkSince, string? RelinkReason)
{
    /// <summary>Gets the link state this row stands for.</summary>
    public TraktLinkState State => Tokens is not null ? TraktLinkState.Linked : TraktLinkState.LinkAgain;
}
