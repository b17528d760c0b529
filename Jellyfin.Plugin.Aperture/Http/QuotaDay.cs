using System;
using System.Globalization;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>
/// One service's quota for one UTC day, as the ledger stores it.
/// </summary>
/// <param name="Day">The UTC day, "yyyy-MM-dd".</param>
/// <param name="Used">Requests counted (or reported by the service) that day.</param>
/// <param name="ReportedLimit">The daily limit the service itself reported, if it did.</param>
/// <param name="ParkedUntil">When a spent quota resets, while the service is parked.</param>
internal sealed record QuotaDay(string Day, int Used, int? ReportedLimit, DateTimeOffset? ParkedUntil)
{
    /// <summary>
    /// Gets the ledger day of a moment: quotas reset at 00:00 UTC.
    /// </summary>
    /// <param name="now">The moment.</param>
    /// <returns>The day key.</returns>
    public static string DayOf(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Gets the next 00:00 UTC after a moment.
    /// </summary>
    /// <param name="now">The moment.</param>
    /// <returns>The next reset.</returns>
    public static DateTimeOffset NextReset(DateTimeOffset now) => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
}
