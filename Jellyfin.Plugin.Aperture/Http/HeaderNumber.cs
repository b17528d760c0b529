using System.Globalization;
using System.Linq;
using System.Net.Http.Headers;

namespace Jellyfin.Plugin.Aperture.Http;

/// <summary>Reads numeric response headers such as X-RateLimit-Limit and X-RateLimit-Reset.</summary>
internal static class HeaderNumber
{
    /// <summary>
    /// Reads a header as a whole number.
    /// </summary>
    /// <param name="headers">The headers, or null when no answer arrived.</param>
    /// <param name="name">The header name.</param>
    /// <returns>The number, or null when absent or not a number.</returns>
    public static long? Read(HttpResponseHeaders? headers, string name) =>
        headers is not null && headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
