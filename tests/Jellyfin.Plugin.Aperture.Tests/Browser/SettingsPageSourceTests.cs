using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text.RegularExpressions;
using Jellyfin.Plugin.Aperture.Configuration;
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

    [Theory]
    [InlineData("RequestsPerWindow", 1, SettingsBounds.MaxRequestsPerWindow)]
    [InlineData("WindowSeconds", 1, SettingsBounds.MaxWindowSeconds)]
    [InlineData("WritesPerSecond", 0, SettingsBounds.MaxWritesPerSecond)]
    [InlineData("DailyQuota", 0, SettingsBounds.MaxDailyQuota)]
    [InlineData("MaxConcurrency", 1, SettingsBounds.MaxConcurrency)]
    [InlineData("TimeoutSeconds", 1, SettingsBounds.MaxTimeoutSeconds)]
    public void Script_LimitInputsOfferTheServersBounds(string field, int min, int max)
    {
        var js = Read("Jellyfin.Plugin.Aperture.Configuration.configPage.js");

        // One LIMIT_FIELDS entry per limit; its min and max become the input's attributes.
        var entry = Regex.Match(js, @"\{ name: '" + field + @"',[^}]*\}");
        Assert.True(entry.Success, field + " is missing from LIMIT_FIELDS");
        Assert.Contains("min: " + min.ToString(CultureInfo.InvariantCulture) + ",", entry.Value, System.StringComparison.Ordinal);
        Assert.Contains("max: " + max.ToString(CultureInfo.InvariantCulture) + " ", entry.Value, System.StringComparison.Ordinal);
        Assert.Contains("min: String(field.min), max: String(field.max)", js, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FreshDays", SettingsBounds.MaxDays)]
    [InlineData("NotFoundDays", SettingsBounds.MaxDays)]
    [InlineData("RetryMinutes", SettingsBounds.MaxRetryMinutes)]
    public void Html_EnrichmentNumbersOfferTheServersBounds(string field, int max)
    {
        var html = Read("Jellyfin.Plugin.Aperture.Configuration.configPage.html");

        var input = Regex.Match(html, "<input [^>]*data-field=\"" + field + "\"[^>]*>");
        Assert.True(input.Success, field + " input is missing");
        Assert.Contains("is=\"emby-input\"", input.Value, System.StringComparison.Ordinal);
        Assert.Contains(" min=\"1\"", input.Value, System.StringComparison.Ordinal);
        Assert.Contains(" max=\"" + max.ToString(CultureInfo.InvariantCulture) + "\"", input.Value, System.StringComparison.Ordinal);
    }

    private static string Read(string resource)
    {
        using var stream = typeof(Plugin).Assembly.GetManifestResourceStream(resource);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
