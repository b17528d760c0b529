using System.IO;
using System.Reflection;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Browser;

/// <summary>
/// Rules for the embedded page that a browser test would catch only by luck: jellyfin-web's translateHtml
/// mangles every ${…} in the HTML, and API text must never be parsed as HTML.
/// </summary>
public sealed class SettingsPageSourceTests
{
    [Fact]
    public void Html_HasNoTemplatePlaceholder_AndOnlyThePageDiv()
    {
        var html = Read("Jellyfin.Plugin.Aperture.Configuration.configPage.html");

        Assert.DoesNotContain("${", html, System.StringComparison.Ordinal);
        Assert.StartsWith("<div id=\"ApertureConfigPage\" data-role=\"page\"", html.TrimStart(), System.StringComparison.Ordinal);
        Assert.Contains("data-controller=\"__plugin/aperturejs\"", html, System.StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, System.StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, System.StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Script_NeverParsesTextAsHtml()
    {
        var js = Read("Jellyfin.Plugin.Aperture.Configuration.configPage.js");

        Assert.DoesNotContain("innerHTML", js, System.StringComparison.Ordinal);
        Assert.DoesNotContain("outerHTML", js, System.StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", js, System.StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", js, System.StringComparison.Ordinal);
        Assert.Contains("export default function (view)", js, System.StringComparison.Ordinal);
    }

    private static string Read(string resource)
    {
        using var stream = typeof(Plugin).Assembly.GetManifestResourceStream(resource);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
