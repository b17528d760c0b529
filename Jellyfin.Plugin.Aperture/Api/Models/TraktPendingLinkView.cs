using System;
using Jellyfin.Plugin.Aperture.TraktAccounts;

namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>A device link in progress: what the user types where, and when the page polls next.</summary>
public sealed class TraktPendingLinkView
{
    /// <summary>Gets the code the user types at trakt.tv.</summary>
    public required string UserCode { get; init; }

    /// <summary>Gets where the user types it.</summary>
    public required string VerificationUrl { get; init; }

    /// <summary>Gets when the code stops working.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Gets the polling interval Trakt asked for, in seconds.</summary>
    public required int IntervalSeconds { get; init; }

    /// <summary>Gets the earliest time the next poll is sent to Trakt.</summary>
    public required DateTimeOffset NextPollAt { get; init; }

    /// <summary>
    /// Builds the view of a link in progress.
    /// </summary>
    /// <param name="pending">The link in progress, or null.</param>
    /// <returns>The view, or null.</returns>
    public static TraktPendingLinkView? From(TraktPendingLink? pending) => pending is null ? null : new TraktPendingLinkView
    {
        UserCode = pending.Code.UserCode,
        VerificationUrl = pending.Code.VerificationUrl.AbsoluteUri,
        ExpiresAt = pending.Code.ExpiresAt,
        IntervalSeconds = (int)pending.Code.Interval.TotalSeconds,
        NextPollAt = pending.NextPollAt,
    };
}
