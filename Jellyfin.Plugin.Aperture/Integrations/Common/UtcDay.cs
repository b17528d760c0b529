using System;

namespace Jellyfin.Plugin.Aperture.Integrations.Common;

/// <summary>Daily quotas (OMDb, MDBList) reset at midnight UTC.</summary>
internal static class UtcDay
{
    /// <summary>
    /// Gets the next 00:00 UTC after the given time.
    /// </summary>
    /// <param name="now">The current time.</param>
    /// <returns>The next midnight UTC.</returns>
    public static DateTimeOffset NextMidnight(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
}
