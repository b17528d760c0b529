using System;
using System.Net.Http.Headers;

namespace Jellyfin.Plugin.Aperture.Integrations.Common;

/// <summary>Reads Retry-After, which services send either as seconds or as an HTTP date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>
    /// Reads the wait from the headers.
    /// </summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="now">The current time, to turn a date into a wait.</param>
    /// <returns>The wait (never negative), or null when the header is absent or unreadable.</returns>
    public static TimeSpan? Read(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
