using System;
using System.Collections.Generic;
using System.Linq;
using Jellyfin.Plugin.Aperture.TraktAccounts;
using Jellyfin.Plugin.Aperture.TraktSync;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>A user's Trakt link as the user page and the admin list show it. Never holds a token or a device code.</summary>
public sealed class TraktLinkView
{
    /// <summary>Gets the Jellyfin user id.</summary>
    public required Guid UserId { get; init; }

    /// <summary>Gets the Jellyfin user name (admin list only).</summary>
    public string? UserName { get; init; }

    /// <summary>Gets the state: NotLinked, Pending, Linked or LinkAgain.</summary>
    public required string State { get; init; }

    /// <summary>Gets when the user linked.</summary>
    public DateTimeOffset? LinkedAt { get; init; }

    /// <summary>Gets when Trakt stopped accepting the link.</summary>
    public DateTimeOffset? NeedsRelinkSince { get; init; }

    /// <summary>Gets why the user must link again.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the link in progress, if any.</summary>
    public TraktPendingLinkView? Pending { get; init; }

    /// <summary>Gets the last run of each Trakt feature for the user (when, ok, what it did).</summary>
    public IReadOnlyList<TraktSyncRunView> Runs { get; init; } = [];

    /// <summary>Gets what Trakt currently refuses for this user's account (an account limit or a rate limit), or null.</summary>
    public string? AccountProblem { get; init; }

    /// <summary>
    /// Builds the view of a status.
    /// </summary>
    /// <param name="status">The status.</param>
    /// <param name="userName">The user name, or null.</param>
    /// <param name="runs">The user's last Trakt runs, or null.</param>
    /// <param name="accountProblem">What Trakt currently refuses for the user's account, or null.</param>
    /// <returns>The view.</returns>
    public static TraktLinkView From(TraktLinkStatus status, string? userName = null, IEnumerable<TraktSyncRun>? runs = null, string? accountProblem = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new TraktLinkView
        {
            UserId = status.UserId,
            UserName = userName,
            State = status.State.ToString(),
            LinkedAt = status.LinkedAt,
            NeedsRelinkSince = status.NeedsRelinkSince,
            Reason = status.Reason,
            Pending = TraktPendingLinkView.From(status.Pending),
            Runs = runs?.Select(TraktSyncRunView.From).ToArray() ?? [],
            AccountProblem = accountProblem,
        };
    }
}
