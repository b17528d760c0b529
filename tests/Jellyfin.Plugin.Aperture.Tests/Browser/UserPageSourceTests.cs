using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Browser;

/// <summary>
/// Rules for the user page a browser test would catch only by luck: the page shows text from the API (Trakt's
/// messages, a user's reason to link again), which must never be parsed as HTML, and it holds no data or script of
/// its own beyond the one file its Content-Security-Policy allows.
/// </summary>
public sealed class UserPageSourceTests
{
    [Fact]
    public void Script_NeverParsesTextAsHtml()
    {
        var js = Read("Jellyfin.Plugin.Aperture.UserPage.userPage.js");

        Assert.DoesNotContain("innerHTML", js, System.StringComparison.Ordinal);
        Assert.DoesNotContain("outerHTML", js, System.StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", js, System.StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", js, System.StringComparison.Ordinal);
        Assert.DoesNotContain("eval(", js, System.StringComparison.Ordinal);
        Assert.Contains("textContent", js, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Script_SendsTheTokenOnlyInTheAuthorizationHeader_ToThisServer()
    {
        var js = Read("Jellyfin.Plugin.Aperture.UserPage.userPage.js");

        // 12.0 refuses the legacy header; a token in a URL would end up in logs.
        Assert.DoesNotContain("X-Emby-Token", js, System.StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("api_key", js, System.StringComparison.OrdinalIgnoreCase);
        Assert.Matches(new Regex(@"fetch\(base \+ path"), js);
    }

    [Fact]
    public void Html_HasOneExternalScript_AndNoInlineScriptOrHandler()
    {
        var html = Read("Jellyfin.Plugin.Aperture.UserPage.userPage.html");

        Assert.Single(Regex.Matches(html, "<script", RegexOptions.IgnoreCase));
        Assert.Matches(new Regex("<script src=\"UserPage.js\" defer></script>"), html);
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
