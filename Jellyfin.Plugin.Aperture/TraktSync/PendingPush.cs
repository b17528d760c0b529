using System;

namespace Jellyfin.Plugin.Aperture.TraktSync;

/// <summary>
/// A local change Trakt has not acknowledged yet. It stands against Trakt's value until it succeeds, so a failed push
/// is retried and a pull never reverts it.
/// </summary>
/// <param name="Key">The item key.</param>
/// <param name="Value">The rating to push, or null for a removal.</param>
/// <param name="ChangedAt">When the local change was made.</param>
/// <param name="Attempts">How many syncs have tried it.</param>
/// <param name="LastError">Why the last attempt failed.</param>
public sealed record PendingPush(RatingKey Key, int? Value, DateTimeOffset? ChangedAt, int Attempts, string? LastError);
