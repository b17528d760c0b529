using System;
using System.Linq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>The resolver against the 10.11.0 packages, which are always here: it finds what exists and names what does not.</summary>
public class ReferenceResolverTests
{
    private const string Controller = "MediaBrowser.Controller";
    private const string BaseItem = "MediaBrowser.Controller.Entities.BaseItem";

    [Fact]
    public void FindsEveryReferenceOfTheBuiltPluginInThePackagesItCompilesAgainst()
    {
        using var packages = JellyfinInstallations.OpenCompileTimePackages();

        var report = ReferenceResolver.Check(JellyfinReferenceReader.ReadReferences(JellyfinInstallations.PluginPath), packages, "Jellyfin references of the plugin");

        // The compiler bound every one of them here: a miss would be the checker's error, not the plugin's.
        Assert.True(report.Ok, report.ToString());
    }

    [Fact]
    public void ReportsEveryReferenceThatDoesNotResolveByItsSignatureAndNothingElse()
    {
        JellyfinReference[] missing =
        [
            JellyfinReference.ToMethod(Controller, "MediaBrowser.Controller.Library.IUserManager", "GetUsersThatNeverExisted", "() : System.Void"),
            JellyfinReference.ToMethod(Controller, BaseItem, "get_Name", "() : System.Int32"),
            JellyfinReference.ToMethod(Controller, BaseItem, "get_Name", "() : System.String", isStatic: true),
            JellyfinReference.ToType("MediaBrowser.Model", BaseItem),
            JellyfinReference.ToType(Controller, "MediaBrowser.Controller.Entities.NoSuchItem"),
            JellyfinReference.ToType("MediaBrowser.NoSuchAssembly", "MediaBrowser.NoSuchAssembly.Anything"),
            JellyfinReference.ToType(Controller, BaseItem) with { AssemblyVersion = new Version(10, 12, 0, 0) },
        ];
        JellyfinReference[] present =
        [
            JellyfinReference.ToType(Controller, BaseItem),
            JellyfinReference.ToMethod(Controller, BaseItem, "get_Name", "() : System.String"),
        ];
        using var packages = JellyfinInstallations.OpenCompileTimePackages();

        var report = ReferenceResolver.Check([.. missing, .. present], packages, "fabricated references");

        Assert.Equal(missing.Select(r => r.ToString()).Order(), report.Misses.Select(m => m.Signature).Order());
        Assert.All(missing, r => Assert.Contains(r.ToString(), report.ToString(), StringComparison.Ordinal));
        Assert.Contains("BaseItem is in MediaBrowser.Controller there", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FindsAMemberDeclaredOnABaseTypeInAnotherAssemblyOrClass()
    {
        const string Movie = "MediaBrowser.Controller.Entities.Movies.Movie";
        using var packages = JellyfinInstallations.OpenCompileTimePackages();
        Assert.DoesNotContain(packages.Find(Controller, null, Movie).Type!.Methods, m => m.Name == "get_Name");

        var report = ReferenceResolver.Check([JellyfinReference.ToMethod(Controller, Movie, "get_Name", "() : System.String")], packages, "inherited member");

        Assert.True(report.Ok, report.ToString());
    }

    [Fact]
    public void FollowsTypeForwardersAsTheRuntimeDoes()
    {
        using var packages = JellyfinInstallations.OpenCompileTimePackages();
        var facade = packages.Open("System.Runtime")!;
        Assert.False(facade.TryGetType("System.Object", out _));
        Assert.Equal("System.Private.CoreLib", facade.ForwardedTo("System.Object"));

        // The runtime's own assemblies have their own versions; only the forwarding matters here.
        static JellyfinReference InRuntime(JellyfinReference reference) => reference with { AssemblyVersion = new Version(0, 0) };

        var report = ReferenceResolver.Check(
            [
                InRuntime(JellyfinReference.ToType("System.Runtime", "System.Object")),
                InRuntime(JellyfinReference.ToMethod("System.Runtime", "System.Object", "ToString", "() : System.String")),
                InRuntime(JellyfinReference.ToType("System.Runtime", "System.NoSuchType")),
            ],
            packages,
            "forwarded types");

        Assert.Equal("[System.Runtime] type System.NoSuchType", Assert.Single(report.Misses).Signature);
    }
}
