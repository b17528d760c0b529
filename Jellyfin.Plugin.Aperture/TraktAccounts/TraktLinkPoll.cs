namespace Jellyfin.Plugin.Aperture.TraktAccounts;

/// <summary>
/// The answer to one poll of a device link.
/// </summary>
/// <param name="Status">What the poll found.</param>
/// <param name="Message">What it means for the user.</param>
/// <param name="Pending">The link still in progress (code, URL, interval, next poll), when there is one.</param>
public sealed record TraktLinkPoll(TraktLinkPollStatus Status, string Message, TraktPendingLink? Pending);
