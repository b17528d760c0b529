using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Browser;

/// <summary>
/// Rules for the user page a browser test would catch only by luck: the page shows text from the API (Trakt's
/// messages, a user's reason to link again), which must never be parsed as HTML, and it holds no data or script of
/// its own beyond the files its Content-Security-Policy allows (one script per section).
/// </summary>
public sealed class UserPageSourceTests
{
    [Theory]
    [InlineData("Jellyfin.Plugin.Aperture.UserPage.userPage.js")]
    [InlineData("Jellyfin.Plugin.Aperture.UserPage.userPageDiscover.js")]
    public void Script_NeverParsesTextAsHtml(string resource)
    {
        var js = Read(resource);

        Assert.DoesNotContain("innerHTML", js, System.StringComparison.Ordinal);
        Assert.DoesNotContain("outerHTML", js, System.StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", js, System.StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", js, System.StringComparison.Ordinal);
        Assert.DoesNotContain("eval(", js, System.StringComparison.Ordinal);
        Assert.Contains("textContent", js, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Jellyfin.Plugin.Aperture.UserPage.userPage.js")]
    [InlineData("Jellyfin.Plugin.Aperture.UserPage.userPageDiscover.js")]
    public void Script_SendsTheTokenOnlyInTheAuthorizationHeader_ToThisServer(string resource)
    {
        var js = Read(resource);

        // 12.0 refuses the legacy header; a token in a URL would end up in logs.
        Assert.DoesNotContain("X-Emby-Token", js, System.StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("api_key", js, System.StringComparison.OrdinalIgnoreCase);
        Assert.Matches(new Regex(@"fetch\(base \+ path"), js);
    }

    [Fact]
    public void Html_HasOnlyItsOwnExternalScripts_AndNoInlineScriptOrHandler()
    {
        var html = Read("Jellyfin.Plugin.Aperture.UserPage.userPage.html");

        // One script per section (the Discover section has its own), each a file the plugin serves.
        Assert.Equal(
            ["<script src=\"UserPage.js\" defer></script>", "<script src=\"UserPageDiscover.js\" defer></script>"],
            Regex.Matches(html, "<script[^>]*>(</script>)?", RegexOptions.IgnoreCase).Select(m => m.Value));
        Assert.DoesNotMatch(new Regex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase), html);
    }

    private static string Read(string resource)
    {
        using var stream = typeof(Plugin).Assembly.GetManifestResourceStream(resource);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
