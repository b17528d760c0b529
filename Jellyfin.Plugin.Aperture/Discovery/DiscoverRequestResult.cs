namespace Jellyfin.Plugin.Aperture.Discovery;

/// <summary>The result of a user's request.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Message">What the user reads.</param>
public sealed record DiscoverRequestResult(DiscoverRequestStatus Status, string Message);
