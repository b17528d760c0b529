using System.IO;
using System.Linq;
using Xunit;

namespace Jellyfin.Plugin.Aperture.Tests.Compatibility;

/// <summary>
/// The plugin compiles against the 10.11.0 packages but runs on whichever server loads it. These tests read the built
/// DLL and check it against each real server's own assemblies, so a member that changed (as IUserManager.Users did in
/// 10.11.9) fails here, by name, instead of throwing MissingMethodException in a user's server.
/// </summary>
public class JellyfinServerCompatibilityTests
{
    public static TheoryData<string> Servers => JellyfinInstallations.ServerVersions;

    [SkippableTheory]
    [MemberData(nameof(Servers))]
    public void EveryJellyfinTypeAndMemberThePluginReferencesResolves(string version)
    {
        using var server = JellyfinInstallations.OpenServer(version);
        var references = JellyfinReferenceReader.ReadReferences(JellyfinInstallations.PluginPath);

        var report = ReferenceResolver.Check(references, server, "Jellyfin references of the plugin");

        Assert.True(report.Checked > 0, "The plugin's DLL lists no Jellyfin reference; the reader is broken.");
        Assert.True(report.Ok, report.ToString());
    }

    [SkippableTheory]
    [MemberData(nameof(Servers))]
    public void ThePluginProvidesEveryMemberItsJellyfinInterfacesAndBaseClassesRequire(string version)
    {
        using var server = JellyfinInstallations.OpenServer(version);

        var report = ImplementationChecker.Check(JellyfinInstallations.PluginPath, server);

        Assert.True(report.Checked > 0, "No Jellyfin interface or abstract member was checked; the plugin implements several.");
        Assert.True(report.Ok, report.ToString());
    }

    [SkippableTheory]
    [MemberData(nameof(Servers))]
    public void TheJellyfinConstantsThePluginCompiledInKeepTheirValues(string version)
    {
        using var server = JellyfinInstallations.OpenServer(version);
        using var packages = JellyfinInstallations.OpenCompileTimePackages();
        var references = JellyfinReferenceReader.ReadReferences(JellyfinInstallations.PluginPath);

        var report = InlinedConstantChecker.Check(references, packages, server);

        Assert.True(report.Checked > 0, "No enum member was compared; the plugin uses several Jellyfin enums.");
        Assert.True(report.Ok, report.ToString());
    }

    [SkippableTheory]
    [MemberData(nameof(Servers))]
    public void EveryJellyfinReferenceOfTheServersOwnAssembliesResolves(string version)
    {
        // Thousands of references (fields, generic methods, nested types, members of base types) that the server's
        // own build bound: a miss here would be the checker's error, so its misses for the plugin can be trusted.
        using var server = JellyfinInstallations.OpenServer(version);
        var own = Directory.EnumerateFiles(Path.GetDirectoryName(server.Open("MediaBrowser.Controller")!.Path)!, "*.dll")
            .Where(f => JellyfinReferenceReader.IsJellyfinAssemblyName(Path.GetFileName(f)))
            .SelectMany(JellyfinReferenceReader.ReadReferences)
            .Distinct()
            .ToList();

        var report = ReferenceResolver.Check(own, server, "Jellyfin references of the server's own Jellyfin assemblies");

        Assert.True(report.Checked > 1000, report.ToString());
        Assert.True(report.Ok, report.ToString());
    }
}
