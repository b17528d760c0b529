using System.IO;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Jellyfin.Plugin.Aperture.Api;

/// <summary>
/// Serves the user page: one page for every signed-in user, on Jellyfin's own address (jellyfin-web shows plugin
/// pages to admins only). The page and its script are static and anonymous, like Jellyfin's own
/// <c>/web/ConfigurationPage</c>: they hold no data. The script reads the user's jellyfin-web sign-in from the same
/// origin and calls the user API (<see cref="UserTraktController"/>), which acts only for the signed-in caller.
/// </summary>
[ApiController]
[AllowAnonymous]
public class UserPageController : ControllerBase
{
    private const string ResourcePrefix = "Jellyfin.Plugin.Aperture.UserPage.";

    // Script only from this server, no inline script, no framing: the page shows a link code worth protecting.
    // Images also from TMDb's image server, for Discover's posters.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data: https://image.tmdb.org; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Gets the user page.
    /// </summary>
    /// <returns>The page's HTML.</returns>
    [HttpGet("Aperture/UserPage")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public ActionResult GetPage() => Resource("userPage.html", "text/html; charset=utf-8");

    /// <summary>
    /// Gets the user page's script. Two addresses, so the page's relative <c>src</c> resolves whether or not the
    /// page was opened with a trailing slash.
    /// </summary>
    /// <returns>The script.</returns>
    [HttpGet("Aperture/UserPage.js")]
    [HttpGet("Aperture/UserPage/UserPage.js")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public ActionResult GetScript() => Resource("userPage.js", "text/javascript; charset=utf-8");

    private FileStreamResult Resource(string name, string contentType)
    {
        var stream = typeof(UserPageController).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new FileNotFoundException("The user page resource is missing from the plugin assembly.", name);
        Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        Response.Headers.XContentTypeOptions = "nosniff";

        // A new plugin version must reach the browser at once; the files are small.
        Response.Headers.CacheControl = "no-cache";
        return File(stream, contentType);
    }
}
