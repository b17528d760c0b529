using System;

namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// A user's stored Trakt link without its tokens.
/// </summary>
/// <param name="UserId">The Jellyfin user id.</param>
/// <param name="State">Linked, or link again when the tokens are gone.</param>
/// <param name="LinkedAt">When the user linked.</param>
/// <param name="NeedsRelinkSince">When Trakt stopped accepting the link, or null.</param>
/// <param name="RelinkReason">Why, for the user and the admin.</param>
public sealed record TraktAccountSummary(Guid UserId, TraktLinkState State, DateTimeOffset? LinkedAt, DateTimeOffset? NeedsRelinkSince, string? RelinkReason);
