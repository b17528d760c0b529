using System;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// A service's budget at one moment.
/// </summary>
/// <param name="UsedInWindow">Requests in the current rate window.</param>
/// <param name="WindowLimit">Requests allowed in the window.</param>
/// <param name="UsedToday">Requests used today (UTC), when a daily quota applies.</param>
/// <param name="DailyQuota">The daily quota, when one applies.</param>
/// <param name="PausedUntil">Until when the service is paused (Retry-After) or parked (quota), if it is.</param>
/// <param name="Queued">Requests waiting for a permit.</param>
public sealed record BudgetSnapshot(int UsedInWindow, int WindowLimit, int? UsedToday, int? DailyQuota, DateTimeOffset? PausedUntil, int Queued);
