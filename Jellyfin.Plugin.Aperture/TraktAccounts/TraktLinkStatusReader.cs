using System;
using System.Collections.Generic;
using System.Linq;

namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// Reads users' Trakt link states for the user page and the admin overview, without decrypting more than needed.
/// </summary>
public sealed class TraktLinkStatusReader
{
    private readonly TraktAccountStore _accounts;
    private readonly TraktDeviceLink _link;

    /// <summary>
    /// Initializes a new instance of the <see cref="TraktLinkStatusReader"/> class.
    /// </summary>
    /// <param name="accounts">The linked accounts.</param>
    /// <param name="link">The device flow (links in progress).</param>
    public TraktLinkStatusReader(TraktAccountStore accounts, TraktDeviceLink link)
    {
        _accounts = accounts;
        _link = link;
    }

    /// <summary>
    /// Gets one user's link state.
    /// </summary>
    /// <param name="userId">The Jellyfin user id.</param>
    /// <returns>The state.</returns>
    public TraktLinkStatus Get(Guid userId)
    {
        var pending = _link.GetPending(userId);
        if (_accounts.GetSummary(userId) is not { } account)
        {
            return new TraktLinkStatus(userId, pending is null ? TraktLinkState.NotLinked : TraktLinkState.Pending, null, null, null, pending);
        }

        return new TraktLinkStatus(userId, account.State, account.LinkedAt, account.NeedsRelinkSince, account.RelinkReason, pending);
    }

    /// <summary>
    /// Lists every user who has a link, or had one Trakt stopped accepting.
    /// </summary>
    /// <returns>The states.</returns>
    public IReadOnlyList<TraktLinkStatus> List() =>
        _accounts.List().Select(a => new TraktLinkStatus(a.UserId, a.State, a.LinkedAt, a.NeedsRelinkSince, a.RelinkReason, null)).ToList();
}
