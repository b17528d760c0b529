using System;

namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// A user's Trakt link as the user and the admin see it (never a token).
/// </summary>
/// <param name="UserId">The Jellyfin user id.</param>
/// <param name="State">Where the link stands; <see cref="TraktLinkState.Pending"/> only when no link exists yet.</param>
/// <param name="LinkedAt">When the user linked, if linked.</param>
/// <param name="NeedsRelinkSince">When Trakt stopped accepting the link, if it did.</param>
/// <param name="Reason">Why the user must link again, if so.</param>
/// <param name="Pending">A link in progress (also while relinking an existing link), or null.</param>
public sealed record TraktLinkStatus(
    Guid UserId,
    TraktLinkState State,
    DateTimeOffset? LinkedAt,
    DateTimeOffset? NeedsRelinkSince,
    string? Reason,
    TraktPendingLink? Pending);
