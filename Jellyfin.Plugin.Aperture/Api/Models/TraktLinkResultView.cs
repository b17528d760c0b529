namespace Jellyfin.Plugin.Aperture.Api.Models;

/// <summary>The answer to starting or polling a Trakt link.</summary>
public sealed class TraktLinkResultView
{
    /// <summary>Gets what happened: Started or NotStarted for a start; a poll status (Linked, Pending, SlowDown, Expired, Denied, AlreadyUsed, InvalidCode, NoLinkInProgress, Failed) for a poll.</summary>
    public required string Status { get; init; }

    /// <summary>Gets what it means for the user.</summary>
    public required string Message { get; init; }

    /// <summary>Gets the link still in progress, if any.</summary>
    public TraktPendingLinkView? Pending { get; init; }
}
