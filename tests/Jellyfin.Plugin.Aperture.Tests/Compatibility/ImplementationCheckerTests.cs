using System;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

public class ImplementationCheckerTests
{
    [Fact]
    public void ReportsAMissingInterfaceMemberAndAMissingOverrideOfAnAbstractMemberByName()
    {
        using var fabricated = new FabricatedPlugin();
        using var packages = JellyfinInstallations.OpenCompileTimePackages();

        var report = ImplementationChecker.Check(fabricated.Path, packages);

        const string Order = $"{FabricatedPlugin.OrderlessProvider} must implement [MediaBrowser.Controller] MediaBrowser.Controller.Providers.IHasOrder::get_Order() : System.Int32";
        Assert.True(report.Names(Order), report.ToString());
        Assert.Contains(Order, report.ToString(), StringComparison.Ordinal);

        // BasePlugin.Name is abstract; IPlugin.Name, which BasePlugin implements with it, is left without a body too.
        Assert.True(report.Names($"{FabricatedPlugin.NamelessPlugin} must override [MediaBrowser.Common] MediaBrowser.Common.Plugins.BasePlugin::get_Name() : System.String"), report.ToString());
        Assert.True(report.Names($"{FabricatedPlugin.NamelessPlugin} must implement [MediaBrowser.Common] MediaBrowser.Common.Plugins.IPlugin::get_Name() : System.String"), report.ToString());
        Assert.Equal(3, report.Misses.Count);
    }

    [Fact]
    public void FindsNothingMissingInTheBuiltPluginOnThePackagesItCompilesAgainst()
    {
        using var packages = JellyfinInstallations.OpenCompileTimePackages();

        var report = ImplementationChecker.Check(JellyfinInstallations.PluginPath, packages);

        // The compiler has already checked this: a miss here would be the checker's error, not the plugin's.
        Assert.True(report.Checked > 0, "No Jellyfin interface or abstract member was checked; the plugin implements several.");
        Assert.True(report.Ok, report.ToString());
    }
}
